import pg from 'pg';
import { type IntegrationBus, type SourceProgressSink, BUS_LOG_MIGRATIONS, BUS_OFFSET_MIGRATIONS, CONSUMER_MIGRATIONS, PostgresBus } from '@bostadsko/bus';
import { KafkaBus } from '@bostadsko/bus/kafka';
import { type BusinessNow, type EventStore, EVENT_STORE_MIGRATIONS, PostgresEventStore } from '@bostadsko/event-store';
import { EventStoreDbEventStore } from '@bostadsko/event-store/eventstoredb';
import { CHECKPOINT_MIGRATIONS, reportConnectionErrors, migrate, type Migration } from '@bostadsko/postgres';
import { TRAINING_CLOCK_MIGRATIONS } from './training-clock.follower.js';
import { notingWrites } from './noting-writes.store.js';

export interface InfrastructureConfig {
  readonly app: string;
  /** The app's own database: read models, checkpoints and, in single-node mode, its event log. */
  readonly databaseUrl: string;
  /** The single-node bus log; defaults to the app's database. */
  readonly busDatabaseUrl?: string;
  readonly eventStoreUrl?: string;
  readonly kafkaBrokers?: readonly string[];
  readonly migrations?: readonly Migration[];
  /** An existing pool on databaseUrl to share; its owner ends it. */
  readonly pool?: pg.Pool;
  /** The app's business time, stamped beside real time on every event it appends; tools that only read leave it out. */
  readonly businessNow?: BusinessNow;
  /** Hears how far bus consumers have applied each source app (PostgreSQL bus only), for X-Read-After. */
  readonly progress?: SourceProgressSink;
}

export interface Infrastructure {
  readonly pool: pg.Pool;
  readonly store: EventStore;
  readonly bus: IntegrationBus;
  /** The PostgreSQL bus when it is the one in use: it can replay its log for rebuilds. */
  readonly postgresBus?: PostgresBus;
  readonly mode: { readonly eventStore: 'postgres' | 'eventstoredb'; readonly bus: 'postgres' | 'kafka' };
  close(): Promise<void>;
}

/** Picks adapters from configuration: the same app runs single-node or distributed. */
export async function createInfrastructure(config: InfrastructureConfig): Promise<Infrastructure> {
  const pool = config.pool ?? new pg.Pool({ connectionString: config.databaseUrl, max: 20, application_name: config.app });
  const closers: Array<() => Promise<unknown>> = [];
  const warn = (message: string) => console.warn(`[${config.app}] ${message}`);
  // A pool handed in is watched by whoever made it.
  if (!config.pool) {
    closers.push(() => pool.end());
    reportConnectionErrors(pool, warn);
  }
  await migrate(pool, [
    ...CHECKPOINT_MIGRATIONS,
    ...CONSUMER_MIGRATIONS,
    ...(config.kafkaBrokers ? [] : BUS_OFFSET_MIGRATIONS),
    ...(config.eventStoreUrl ? [] : EVENT_STORE_MIGRATIONS),
    ...TRAINING_CLOCK_MIGRATIONS,
    ...(config.migrations ?? []),
  ]);

  const store = notingWrites(config.eventStoreUrl ? EventStoreDbEventStore.connect(config.eventStoreUrl, config.businessNow) : new PostgresEventStore(pool, { businessNow: config.businessNow }));
  closers.unshift(() => store.close());

  let bus: IntegrationBus;
  let postgresBus: PostgresBus | undefined;
  if (config.kafkaBrokers) {
    bus = new KafkaBus({ brokers: [...config.kafkaBrokers], clientId: config.app, readModel: pool });
  } else {
    const log = config.busDatabaseUrl && config.busDatabaseUrl !== config.databaseUrl ? new pg.Pool({ connectionString: config.busDatabaseUrl, max: 5, application_name: `${config.app}-bus` }) : pool;
    if (log !== pool) {
      reportConnectionErrors(log, warn);
      closers.push(() => log.end());
    }
    await migrate(log, BUS_LOG_MIGRATIONS);
    bus = postgresBus = new PostgresBus({ log, readModel: pool, progress: config.progress });
  }
  closers.unshift(() => bus.close());

  return {
    pool,
    store,
    bus,
    postgresBus,
    mode: { eventStore: config.eventStoreUrl ? 'eventstoredb' : 'postgres', bus: config.kafkaBrokers ? 'kafka' : 'postgres' },
    close: async () => {
      for (const close of closers) await close();
    },
  };
}
