import type pg from 'pg';
import { EventStoreUnavailableError, VersionConflictError } from '../errors.js';
import type {
  AppendResult,
  BatchHandler,
  EventStore,
  ExpectedRevision,
  GlobalPosition,
  NewEvent,
  ReadAllOptions,
  RecordedEvent,
  StreamAppend,
  StreamEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port.js';
import { pollingSubscription, Wakeup } from '../polling-subscription.js';
import { SharedReads } from '../shared-reads.js';
import { OpenSubscriptions } from '../open-subscriptions.js';
import { AFTER_POSITION_VISIBLE, LOG_ORDER, earlierTransactionsEnded, positionParams, binaryRows, copyOut, repeatedText, isDatabaseUnavailable as isUnavailable } from '@bostadsko/postgres';
import { APPEND_EACH_SQL, appendSql, type AppendRow } from './append.sql.js';
import { appendOneByOne } from '../one-by-one.js';
import { withBusinessTime, type BusinessNow } from '../business-time.js';
import { toRecordedEvent, type EventRow } from './rows.js';

function eventValues(e: NewEvent): unknown[] {
  return [e.id, e.type, e.schemaVersion, JSON.stringify(e.data), JSON.stringify(e.metadata)];
}

function eventArrays(events: NewEvent[]): unknown[] {
  return [events.map((e) => e.id), events.map((e) => e.type), events.map((e) => e.schemaVersion), events.map((e) => JSON.stringify(e.data)), events.map((e) => JSON.stringify(e.metadata))];
}

/** Under a burst of commands, a projection or relay then writes about once per 100 ms, not once per command. */
const SETTLE_MS = 100;

/** Subscribers whose handlers finish a few milliseconds apart still share their next read. */
const SHARED_READ_FRESH_MS = 50;

/** `any` on a hot stream can lose the race several times; it still must land. */
const MAX_ANY_RETRIES = 100;

export interface PostgresEventStoreOptions {
  /** How often an idle subscription polls for events appended by other processes. */
  readonly pollIntervalMs?: number;
  /** How long a busy subscription waits between reads, to take appends in batches (PollingOptions.settleMs). */
  readonly settleMs?: number;
  /** Stamps business time into each appended event's metadata (EventMetadata.occurredAt). */
  readonly businessNow?: BusinessNow;
}

export class PostgresEventStore implements EventStore {
  private readonly wakeup = new Wakeup();
  private readonly subscriptions = new OpenSubscriptions();
  private readonly sharedReads = new SharedReads((o) => this.readAll(o), { freshMs: SHARED_READ_FRESH_MS, minLimit: 1000 });

  constructor(
    private readonly pool: pg.Pool,
    private readonly options: PostgresEventStoreOptions = {},
  ) {}

  async append(streamId: string, newEvents: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (newEvents.length === 0) throw new Error('append needs at least one event');
    const events = withBusinessTime(newEvents, this.options.businessNow);
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.tryAppend(streamId, events, expected);
        this.appended();
        return result;
      } catch (error) {
        if (isUnavailable(error)) throw new EventStoreUnavailableError('Event store unavailable', { cause: error });
        if ((error as { code?: string }).code !== '23505') throw error;
        const replay = await this.previousAppend(streamId, events);
        if (replay) return replay;
        // A racing writer took the revision; `any` means the caller does not care where.
        if (expected === 'any' && attempt < MAX_ANY_RETRIES) {
          await new Promise((r) => setTimeout(r, Math.random() * attempt));
          continue;
        }
        throw new VersionConflictError(streamId, expected, await this.currentRevision(streamId));
      }
    }
  }

  private async tryAppend(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const single = events.length === 1;
    const { rows } = await this.pool.query<{ position: string; transaction_id: string; revision: string }>({
      // Named: each connection parses and plans the statement once, not on every append.
      name: `es.append.${typeof expected === 'bigint' ? 'exact' : expected}.${single ? 'one' : 'many'}`,
      text: appendSql(expected, single),
      values: [streamId, typeof expected === 'bigint' ? expected.toString() : null, ...(single ? eventValues(events[0]) : eventArrays(events))],
    });
    if (rows.length === 0) throw new VersionConflictError(streamId, expected, await this.currentRevision(streamId));
    const last = rows[rows.length - 1];
    return {
      nextExpectedRevision: BigInt(last.revision),
      position: { commit: BigInt(last.transaction_id), prepare: BigInt(last.position) },
    };
  }

  async appendEach(unstamped: readonly StreamAppend[]): Promise<Array<AppendResult | VersionConflictError>> {
    if (unstamped.length === 0) return [];
    const appends = unstamped.map((a) => ({ ...a, events: withBusinessTime(a.events, this.options.businessNow) }));
    const oneStatement = appends.every((a) => a.events.length > 0 && (a.expected === 'no_stream' || typeof a.expected === 'bigint')) && new Set(appends.map((a) => a.streamId)).size === appends.length;
    if (oneStatement) {
      try {
        const results = await this.tryAppendEach(appends);
        this.appended();
        return results;
      } catch (error) {
        if (isUnavailable(error)) throw new EventStoreUnavailableError('Event store unavailable', { cause: error });
        // Nothing was written: one by one, each append finds its own conflict or an earlier landing of its events.
        if ((error as { code?: string }).code !== '23505') throw error;
      }
    }
    return appendOneByOne(this, appends);
  }

  private async tryAppendEach(appends: readonly StreamAppend[]): Promise<Array<AppendResult | VersionConflictError>> {
    const rows = appends.flatMap(({ streamId, events, expected }) =>
      events.map((e, i): AppendRow => ({
        stream: streamId,
        expected: expected === 'no_stream' ? '-1' : String(expected),
        offset: i + 1,
        id: e.id,
        type: e.type,
        version: e.schemaVersion,
        data: e.data,
        metadata: e.metadata,
      })),
    );
    const { rows: written } = await this.pool.query<{ stream_id: string; position: string; transaction_id: string; revision: string }>({
      name: 'es.append-each',
      text: APPEND_EACH_SQL,
      values: [JSON.stringify(rows)],
    });
    const last = new Map(written.map((row) => [row.stream_id, row]));
    const results = appends.map(({ streamId, expected }) => {
      const row = last.get(streamId);
      if (!row) return this.currentRevision(streamId).then((current) => new VersionConflictError(streamId, expected, current));
      return { nextExpectedRevision: BigInt(row.revision), position: { commit: BigInt(row.transaction_id), prepare: BigInt(row.position) } };
    });
    // Waiting only when a conflict needs the stream's revision: a burst's batch is dozens of appends.
    return results.some((r) => r instanceof Promise) ? Promise.all(results) : (results as AppendResult[]);
  }

  /** The same event ids already in this stream mean a retried append: answer as the first time. */
  private async previousAppend(streamId: string, events: NewEvent[]): Promise<AppendResult | undefined> {
    const { rows } = await this.pool.query<{ position: string; transaction_id: string; revision: string }>(
      `SELECT position, transaction_id::text, revision FROM es.events
       WHERE stream_id = $1 AND event_id = ANY($2::uuid[]) ORDER BY revision`,
      [streamId, events.map((e) => e.id)],
    );
    if (rows.length !== events.length) return undefined;
    const last = rows[rows.length - 1];
    return {
      nextExpectedRevision: BigInt(last.revision),
      position: { commit: BigInt(last.transaction_id), prepare: BigInt(last.position) },
    };
  }

  private async currentRevision(streamId: string): Promise<bigint | 'no_stream'> {
    const { rows } = await this.pool.query<{ revision: string | null }>('SELECT max(revision)::text AS revision FROM es.events WHERE stream_id = $1', [streamId]);
    return rows[0].revision === null ? 'no_stream' : BigInt(rows[0].revision);
  }

  async readStream(streamId: string, fromRevision = 0n): Promise<RecordedEvent[]> {
    const { rows } = await this.query<EventRow>(
      `SELECT position, transaction_id::text AS tx_id, stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at
       FROM es.events WHERE stream_id = $1 AND revision >= $2 ORDER BY revision`,
      [streamId, fromRevision.toString()],
    );
    return rows.map(toRecordedEvent);
  }

  async readStreams(streamIds: readonly string[], from?: ReadonlyMap<string, bigint>): Promise<Map<string, RecordedEvent[]>> {
    const unique = [...new Set(streamIds)];
    const streams = new Map<string, RecordedEvent[]>(unique.map((id) => [id, []]));
    if (unique.length === 0) return streams;
    const { rows } = await this.query<EventRow>({
      name: 'es.read-streams',
      // The streams by index; a join with the arrays instead was planned as a scan of the whole log.
      text: `SELECT position, transaction_id::text AS tx_id, stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at
       FROM es.events WHERE stream_id = ANY($1::text[]) AND revision >= ($2::bigint[])[array_position($1::text[], stream_id)]
       ORDER BY stream_id, revision`,
      values: [unique, unique.map((id) => (from?.get(id) ?? 0n).toString())],
    });
    for (const row of rows) streams.get(row.stream_id)!.push(toRecordedEvent(row));
    return streams;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.query<EventRow>({
      name: 'es.read-all',
      text: `SELECT position, transaction_id::text AS tx_id, stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at
       FROM es.events log WHERE ${AFTER_POSITION_VISIBLE} ${LOG_ORDER} LIMIT $3`,
      values: [...positionParams(options.after), options.limit ?? 1000],
    });
    return rows.map(toRecordedEvent);
  }

  /** The last event of the log as of this call: everything committed before it is at or before that position, and final. */
  async headPosition(): Promise<GlobalPosition | undefined> {
    await earlierTransactionsEnded({ query: (text, values) => this.query(text, values) });
    const { rows } = await this.query<{ tx_id: string; position: string }>(
      `SELECT transaction_id::text AS tx_id, position FROM es.events log
       WHERE log.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY log.transaction_id DESC, log.position DESC LIMIT 1`,
    );
    return rows[0] ? { commit: BigInt(rows[0].tx_id), prepare: BigInt(rows[0].position) } : undefined;
  }

  /**
   * Every event up to `upTo` of the streams whose id starts with `streamPrefix`,
   * in (stream, revision) order, streamed with one binary COPY: what a rebuild of
   * a per-stream projection reads. `onEvent` may return a promise to hold the
   * stream back. The position is inlined: COPY takes no parameters, and both
   * values are bigints of our own.
   */
  async copyStreamsUpTo(upTo: GlobalPosition, streamPrefix: string, onEvent: (event: StreamEvent) => Promise<void> | void): Promise<void> {
    if (!/^[a-z0-9-]*$/.test(streamPrefix)) throw new Error(`Stream prefix ${JSON.stringify(streamPrefix)} must be lower-case letters, digits and dashes`);
    const sql = `COPY (SELECT stream_id, revision, type, data FROM es.events log
      WHERE (log.transaction_id, log.position) <= ('${upTo.commit}'::xid8, ${upTo.prepare}::bigint) AND log.stream_id LIKE '${streamPrefix}%'
      ORDER BY log.stream_id, log.revision) TO STDOUT (FORMAT binary)`;
    let pending: Promise<void> | void = undefined;
    const streamId = repeatedText();
    const onRow = binaryRows((chunk, f) => {
      pending = onEvent({
        streamId: streamId(chunk, f[0], f[1]),
        revision: chunk.readBigInt64BE(f[2]),
        type: chunk.toString('utf8', f[4], f[5]),
        // jsonb's binary form is a version byte, then the JSON text.
        data: JSON.parse(chunk.toString('utf8', f[6] + 1, f[7])),
      });
    }, 4);
    let client: pg.PoolClient | undefined;
    try {
      client = await this.pool.connect();
      await copyOut(client, sql, (chunk) => {
        pending = undefined;
        onRow(chunk);
        return pending;
      });
    } catch (error) {
      if (isUnavailable(error)) throw new EventStoreUnavailableError('Event store unavailable', { cause: error });
      throw error;
    } finally {
      client?.release();
    }
  }

  subscribeToAll(options: SubscribeOptions, handler: BatchHandler): Subscription {
    return this.subscriptions.track(
      pollingSubscription(
        (o) => this.sharedReads.read(o),
        this.wakeup,
        {
          from: options.from,
          batchSize: options.batchSize ?? 500,
          idleMs: this.options.pollIntervalMs ?? 100,
          retryMs: 1000,
          settleMs: this.options.settleMs ?? SETTLE_MS,
        },
        handler,
      ),
    );
  }

  async countEvents(): Promise<number> {
    const { rows } = await this.query<{ count: string }>('SELECT count(*) FROM es.events');
    return Number(rows[0].count);
  }

  async ping(): Promise<void> {
    await this.query('SELECT 1 FROM es.events LIMIT 1');
  }

  /** Stops every subscription; the pool is the caller's to end. */
  async close(): Promise<void> {
    await this.subscriptions.stopAll();
  }

  private appended(): void {
    this.sharedReads.appended();
    this.wakeup.notify();
  }

  /** Hot statements are named (`pg.QueryConfig` with a name): each connection parses and plans them once. */
  private async query<R extends pg.QueryResultRow>(sql: string | pg.QueryConfig, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    try {
      return await this.pool.query<R>(typeof sql === 'string' ? { text: sql, values: params } : sql);
    } catch (error) {
      if (isUnavailable(error)) throw new EventStoreUnavailableError('Event store unavailable', { cause: error });
      throw error;
    }
  }
}
