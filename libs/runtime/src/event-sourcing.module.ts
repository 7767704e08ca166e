import { Inject, Injectable, Logger, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import type pg from 'pg';
import { type IntegrationMessage, startRelay, type IntegrationMapper } from '@bostadsko/bus';
import { Clock, TrainingClock } from '@bostadsko/clock';
import { type RecordedEvent, type Subscription, supervise } from '@bostadsko/event-store';
import { env, loadConfig, PG_POOL, PLATFORM_CONFIG, ReadModelProgress, type HealthChecksOptions, type PlatformConfig } from '@bostadsko/platform';
import type { Migration } from '@bostadsko/postgres';
import { ensureProjectionTable, runProjection, type Projection } from '@bostadsko/projections';
import { busProjectionGroup } from './bus-projection.js';
import { createInfrastructure, type Infrastructure } from './infrastructure.js';
import { followTrainingClock, restoreTrainingClock } from './training-clock.follower.js';

export const INFRASTRUCTURE = Symbol('INFRASTRUCTURE');
/** What an app's EventSourcingModule runs: its wiring, read by the test that holds the module and the rebuild registry to one list. */
export const EVENT_SOURCING_OPTIONS = Symbol('EVENT_SOURCING_OPTIONS');

/** A read model fed by other apps' integration events. */
export interface BusProjection {
  readonly projection: Projection<IntegrationMessage>;
  readonly topics: readonly string[];
}

export interface EventSourcingOptions {
  readonly app: string;
  readonly migrations?: readonly Migration[];
  /** Publishes what the app's own events mean to other apps; built on the app's infrastructure, e.g. to open sealed data a consumer needs. */
  readonly integration?: (infra: Infrastructure) => IntegrationMapper;
  readonly projections?: readonly Projection<RecordedEvent>[];
  readonly busProjections?: readonly BusProjection[];
}

const busVariables = { BUS_DATABASE_URL: env.url({ protocols: ['postgres', 'postgresql'] }).optional() };

/**
 * Starts the relay, the projections and, outside production, the training-clock
 * follower once the app is up, and stops them before its database pool closes.
 */
@Injectable()
class EventSourcingRuntime implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('EventSourcing');
  private readonly running: Array<Pick<Subscription, 'stop'>> = [];

  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    @Inject(EVENT_SOURCING_OPTIONS) private readonly options: EventSourcingOptions,
    private readonly clock: Clock,
    private readonly progress: ReadModelProgress,
  ) {}

  // Init comes before every module's bootstrap, where jobs first read "today".
  async onModuleInit(): Promise<void> {
    if (this.clock instanceof TrainingClock) await restoreTrainingClock(this.infra.pool, this.clock);
  }

  async onApplicationBootstrap(): Promise<void> {
    const { store, bus, pool } = this.infra;
    if (this.clock instanceof TrainingClock) this.running.push(await followTrainingClock(this.options.app, bus, this.clock));
    const report = (what: string) => (error: unknown) => this.logger.error(`${what} failed and restarts: ${(error as Error).message}`);
    if (this.options.integration) {
      const map = this.options.integration(this.infra);
      this.running.push(supervise(() => startRelay({ name: this.options.app, store, bus, checkpoints: pool, map }), report('relay')));
    }
    for (const projection of this.options.projections ?? []) {
      const progressed = this.progress.track(this.options.app, `projection:${projection.name}`);
      this.running.push(await runProjection(store, pool, projection, report(`projection ${projection.name}`), progressed));
    }
    for (const { projection, topics } of this.options.busProjections ?? []) {
      await ensureProjectionTable(pool, projection);
      // A projection applies many items at once (as a rebuild's pages): the whole batch in one call, one by one only to pin a failure.
      this.running.push(
        await bus.consume(
          { group: busProjectionGroup(this.options.app, projection), topics },
          (message, tx) => projection.apply(tx, projection.table, [message]),
          (messages, tx) => projection.apply(tx, projection.table, messages),
        ),
      );
    }
    this.logger.log(`event store: ${this.infra.mode.eventStore}, bus: ${this.infra.mode.bus}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.running.map((r) => r.stop()));
    await this.infra.close();
  }
}

@Module({})
export class EventSourcingModule {
  static forRoot(options: EventSourcingOptions): DynamicModule {
    return {
      module: EventSourcingModule,
      providers: [
        { provide: EVENT_SOURCING_OPTIONS, useValue: options },
        {
          provide: INFRASTRUCTURE,
          inject: [PLATFORM_CONFIG, PG_POOL, Clock, ReadModelProgress],
          useFactory: (config: PlatformConfig, pool: pg.Pool, clock: Clock, progress: ReadModelProgress) =>
            createInfrastructure({
              app: options.app,
              pool,
              databaseUrl: config.DATABASE_URL,
              busDatabaseUrl: loadConfig(busVariables).BUS_DATABASE_URL,
              eventStoreUrl: config.EVENTSTORE_URL,
              kafkaBrokers: config.KAFKA_BROKERS,
              migrations: options.migrations,
              businessNow: () => clock.now(),
              progress,
            }),
        },
        EventSourcingRuntime,
      ],
      exports: [INFRASTRUCTURE],
    };
  }
}

/**
 * /health entries for the event store and the bus, for PlatformModule.forRoot({ healthChecks }),
 * named with the adapter in use (`bus:kafka`), so a probe shows which run mode an app is in.
 */
export function eventSourcingHealth(module: DynamicModule): HealthChecksOptions {
  return {
    imports: [module],
    inject: [INFRASTRUCTURE],
    useFactory: (infra: Infrastructure) => ({
      [`eventStore:${infra.mode.eventStore}`]: () => infra.store.ping(),
      [`bus:${infra.mode.bus}`]: () => infra.bus.ping(),
    }),
  };
}
