import type pg from 'pg';
import { comparePositions } from '@bostadsko/event-store';
import { AFTER_POSITION_VISIBLE, LOG_ORDER, earlierTransactionsEnded, positionParams } from '@bostadsko/postgres';
import {
  sourceAppOf,
  type ConsumeOptions,
  type Consumer,
  type DeadLetter,
  type IntegrationBus,
  type IntegrationMessage,
  type MessageHandler,
  type BatchHandler,
  type RelayProgress,
  type SourceProgressSink,
} from '../bus.port.js';
import { BATCH_LIMIT, deliverBatch } from './deliver-batch.js';
import { readDeadLetters } from './inbox.js';
import { progressMarker, PROGRESS_KEY, progressOf, progressTopic } from './relay-progress.js';

export interface PostgresBusOptions {
  /** The database holding bus.messages. */
  readonly log: pg.Pool;
  /** The consumer's own database: read model, offsets, inbox and dead letters. */
  readonly readModel: pg.Pool;
  readonly pollIntervalMs?: number;
  readonly onError?: (error: unknown) => void;
  /** Hears how far each consumer group has applied each source app's relay, for X-Read-After. */
  readonly progress?: SourceProgressSink;
}

export interface LoggedMessage {
  readonly position: { commit: bigint; prepare: bigint };
  readonly message: IntegrationMessage;
}

const PAGE = 200;

export class PostgresBus implements IntegrationBus {
  private readonly consumers = new Set<Consumer>();

  constructor(private readonly options: PostgresBusOptions) {}

  /** The relay's progress goes in as a marker after the batch's messages, in the same statement, so a consumer meets it only after them. */
  async publish(messages: readonly IntegrationMessage[], progress?: RelayProgress): Promise<void> {
    if (progress) messages = [...messages, progressMarker(progress)];
    if (messages.length === 0) return;
    // One JSON array: one JSON.stringify, instead of escaping each message into an array literal.
    await this.options.log.query({
      name: 'bus.publish',
      text: `INSERT INTO bus.messages (message_id, topic, key, message)
       SELECT m.message->>'id', m.message->>'type', m.message->>'key', m.message
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS m(message, ord) ORDER BY m.ord
       ON CONFLICT (message_id) DO NOTHING`,
      values: [JSON.stringify(messages)],
    });
  }

  /** The whole log in order, for replaying a consumer's read model from the start. */
  async readLog(after: LoggedMessage['position'] | undefined, topics: readonly string[], limit = PAGE): Promise<LoggedMessage[]> {
    const { rows } = await this.options.log.query<{ tx_id: string; position: string; message: IntegrationMessage }>(
      `SELECT transaction_id::text AS tx_id, position, message FROM bus.messages log
       WHERE ${AFTER_POSITION_VISIBLE} AND topic = ANY($3::text[]) ${LOG_ORDER} LIMIT $4`,
      [...positionParams(after), topics, limit],
    );
    return rows.map((r) => ({ position: { commit: BigInt(r.tx_id), prepare: BigInt(r.position) }, message: r.message }));
  }

  /**
   * A consumer's next page, and how far the log was looked through for it: the
   * last visible message, when the page did not fill up. Messages of other topics
   * up to there need not be looked through again; without this, a consumer of a
   * rare topic would scan every newer message of the busy ones on every poll.
   * Any message becoming visible later belongs to a later transaction, so it sorts after that point.
   */
  async readPage(after: LoggedMessage['position'] | undefined, topics: readonly string[], limit = PAGE): Promise<{ messages: LoggedMessage[]; scannedTo?: LoggedMessage['position'] }> {
    const { rows } = await this.options.log.query<{ head_tx: string; head_position: string; tx_id: string | null; position: string | null; message: IntegrationMessage | null }>({
      // Named: every consumer asks this on every poll, so each connection plans it once.
      name: 'bus.read-page',
      text: `WITH head AS (
         SELECT log.transaction_id, log.position FROM bus.messages log
         WHERE log.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
         ORDER BY log.transaction_id DESC, log.position DESC LIMIT 1)
       SELECT head.transaction_id::text AS head_tx, head.position AS head_position, page.* FROM head LEFT JOIN LATERAL (
         SELECT transaction_id::text AS tx_id, position, message FROM bus.messages log
         WHERE ${AFTER_POSITION_VISIBLE} AND topic = ANY($3::text[]) ${LOG_ORDER} LIMIT $4) page ON true`,
      values: [...positionParams(after), topics, limit],
    });
    const messages = rows.filter((r) => r.tx_id !== null).map((r) => ({ position: { commit: BigInt(r.tx_id!), prepare: BigInt(r.position!) }, message: r.message! }));
    const head = rows[0];
    return messages.length < limit && head ? { messages, scannedTo: { commit: BigInt(head.head_tx), prepare: BigInt(head.head_position) } } : { messages };
  }

  async appliedAll(group: string, topics: readonly string[]): Promise<boolean> {
    await earlierTransactionsEnded(this.options.log);
    const { rows: head } = await this.options.log.query<{ tx_id: string; position: string }>(
      `SELECT transaction_id::text AS tx_id, position FROM bus.messages log
       WHERE topic = ANY($1::text[]) AND log.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY log.transaction_id DESC, log.position DESC LIMIT 1`,
      [topics],
    );
    if (!head[0]) return true;
    const offset = await readOffset(this.options.readModel, group);
    return offset !== undefined && comparePositions(offset, { commit: BigInt(head[0].tx_id), prepare: BigInt(head[0].position) }) >= 0;
  }

  /** The last relay progress of `source` at or before `upTo`: where a consumer that stopped there had got to. */
  async progressUpTo(source: string, upTo: LoggedMessage['position']): Promise<RelayProgress['position'] | undefined> {
    const { rows } = await this.options.log.query<{ message: IntegrationMessage }>(
      `SELECT message FROM bus.messages log
       WHERE key = '${PROGRESS_KEY}' AND topic = $3 AND (log.transaction_id, log.position) <= ($1::text::xid8, $2::bigint)
       ORDER BY log.transaction_id DESC, log.position DESC LIMIT 1`,
      [...positionParams(upTo), progressTopic(source)],
    );
    return rows[0] && progressOf(rows[0].message);
  }

  async countLog(topics: readonly string[]): Promise<number> {
    const { rows } = await this.options.log.query<{ count: string }>('SELECT count(*) FROM bus.messages WHERE topic = ANY($1::text[])', [topics]);
    return Number(rows[0].count);
  }

  async consume(options: ConsumeOptions, handler: MessageHandler, many?: BatchHandler): Promise<Consumer> {
    const sources = this.options.progress ? [...new Set(options.topics.map(sourceAppOf))] : [];
    const reports = new Map(sources.map((source) => [progressTopic(source), this.options.progress!.track(source, options.group)]));
    const consumer = new GroupConsumer(this, this.options, options, { handler, many }, reports);
    this.consumers.add(consumer);
    consumer.start();
    return {
      stop: async () => {
        this.consumers.delete(consumer);
        await consumer.stop();
      },
    };
  }

  deadLetters(group: string): Promise<DeadLetter[]> {
    return readDeadLetters(this.options.readModel, group);
  }

  async ping(): Promise<void> {
    await this.options.log.query('SELECT 1 FROM bus.messages LIMIT 1');
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.stop()));
    this.consumers.clear();
  }
}

/**
 * One active consumer per group (an advisory lock in the consumer's database), so
 * the group sees messages in log order; a second instance waits as a standby.
 * It also reads its source apps' relay progress markers: meeting one means every
 * message published before it has been applied, which it reports.
 */
class GroupConsumer implements Consumer {
  private stopped = false;
  private running: Promise<void> = Promise.resolve();
  private wake: (() => void) | undefined;

  constructor(
    private readonly bus: PostgresBus,
    private readonly pools: PostgresBusOptions,
    private readonly options: ConsumeOptions,
    private readonly handlers: { readonly handler: MessageHandler; readonly many?: BatchHandler },
    /** Progress topic → report, one per source app. */
    private readonly reports: ReadonlyMap<string, (position: RelayProgress['position']) => void>,
  ) {}

  start(): void {
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let lockClient: pg.PoolClient | undefined;
      let broken: unknown;
      // Held for the whole leadership: when the server goes away the client emits 'error', which must not crash the app.
      const onBroken = (error: unknown) => (broken = error);
      try {
        lockClient = await this.pools.readModel.connect();
        lockClient.on('error', onBroken);
        const { rows } = await lockClient.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [`bus-consumer:${this.options.group}`]);
        if (rows[0].locked) await this.consumeWhileLeader();
      } catch (error) {
        this.pools.onError?.(error);
      } finally {
        if (lockClient) {
          if (!broken) await lockClient.query('SELECT pg_advisory_unlock_all()').catch((error: unknown) => (broken = error));
          lockClient.off('error', onBroken);
          lockClient.release(broken instanceof Error ? broken : undefined);
        }
      }
      if (!this.stopped) await this.sleep(1000);
    }
  }

  /**
   * A page of the log at a time, its messages applied in one read-model transaction
   * with the offset (decision 0019). Markers are reported once the messages before
   * them are committed; a page that ends in markers moves the offset past them too,
   * else a full page of them would be read forever.
   */
  private async consumeWhileLeader(): Promise<void> {
    const group = this.options.group;
    const topics = [...this.options.topics, ...this.reports.keys()];
    const delivery = {
      pool: this.pools.readModel,
      group,
      ...this.handlers,
      maxAttempts: this.options.maxAttempts,
      sameTransaction: (client: pg.PoolClient, last: LoggedMessage) => saveOffset(client, group, last.position),
    };
    await this.reportProgressAt(await this.readOffset());
    while (!this.stopped) {
      const offset = await this.readOffset();
      const { messages, scannedTo } = await this.bus.readPage(offset, topics, BATCH_LIMIT);
      if (this.stopped) return;
      const applicable = messages.filter(({ message }) => !this.reports.has(message.type));
      await deliverBatch(delivery, applicable);
      for (const { message } of messages) this.reports.get(message.type)?.(progressOf(message));
      const last = messages.at(-1);
      const advanceTo = scannedTo ?? (last && last !== applicable.at(-1) ? last.position : undefined);
      if (advanceTo && (!offset || comparePositions(advanceTo, offset) > 0)) await saveOffset(this.pools.readModel, group, advanceTo);
      if (messages.length === 0) await this.sleep(this.pools.pollIntervalMs ?? 100);
    }
  }

  /** On taking over, what the group had applied before: the last marker of each source before its offset. */
  private async reportProgressAt(offset: LoggedMessage['position'] | undefined): Promise<void> {
    if (!offset) return;
    for (const [topic, report] of this.reports) {
      const position = await this.bus.progressUpTo(sourceAppOf(topic), offset);
      if (position) report(position);
    }
  }

  private readOffset(): Promise<LoggedMessage['position'] | undefined> {
    return readOffset(this.pools.readModel, this.options.group);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

async function readOffset(pool: pg.Pool, group: string): Promise<LoggedMessage['position'] | undefined> {
  const { rows } = await pool.query<{ transaction_id: string; position: string }>('SELECT transaction_id, position FROM bus.consumer_offsets WHERE consumer_group = $1', [group]);
  return rows[0] ? { commit: BigInt(rows[0].transaction_id), prepare: BigInt(rows[0].position) } : undefined;
}

async function saveOffset(client: Pick<pg.PoolClient, 'query'>, group: string, position: LoggedMessage['position']): Promise<void> {
  await client.query({
    name: 'bus.save-offset',
    text: `INSERT INTO bus.consumer_offsets (consumer_group, transaction_id, position) VALUES ($1, $2, $3)
     ON CONFLICT (consumer_group) DO UPDATE SET transaction_id = excluded.transaction_id, position = excluded.position, updated_at = now()`,
    values: [group, position.commit.toString(), position.prepare.toString()],
  });
}
