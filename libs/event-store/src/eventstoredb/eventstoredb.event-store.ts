import {
  ANY,
  BACKWARDS,
  CancelledError,
  convertToCommandError,
  DeadlineExceededError,
  END,
  EventStoreDBClient,
  jsonEvent,
  NO_STREAM,
  NotLeaderError,
  START as FROM_START,
  STREAM_EXISTS,
  StreamNotFoundError,
  streamNameFilter,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
  type AllStreamSubscription,
  type AppendExpectedRevision,
  type JSONType,
  type ReadPosition,
  type RecordedEvent as EsdbRecordedEvent,
  type StreamingRead,
} from '@eventstore/db-client';
import { EventStoreUnavailableError, VersionConflictError } from '../errors.js';
import {
  comparePositions,
  START,
  type AppendResult,
  type BatchHandler,
  type EventMetadata,
  type EventStore,
  type ExpectedRevision,
  type GlobalPosition,
  type NewEvent,
  type ReadAllOptions,
  type RecordedEvent,
  type StreamAppend,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.port.js';
import { appendOneByOne, readEach } from '../one-by-one.js';
import { withBusinessTime, type BusinessNow } from '../business-time.js';
import { OpenSubscriptions } from '../open-subscriptions.js';

const DEFAULT_READ_LIMIT = 1000;
const DEFAULT_BATCH_SIZE = 500;
/** A lost subscription waits this long before resubscribing, doubling while it keeps failing, up to the most. */
const RESUBSCRIBE_DELAY_MS = 1000;
const RESUBSCRIBE_DELAY_MOST_MS = 30_000;
/** How long a batch waits for more events when the client's buffer runs dry, so a burst is a few transactions, not one per event. */
const BATCH_LINGER_MS = 10;
/** /health must answer within its own timeout even when the server does not. */
const PING_DEADLINE_MS = 2_000;
/** A filtered subscription reports its position at least every this many pages of filtered-out events, so a checkpoint advances past other apps' events. */
const CHECKPOINT_INTERVAL = 1;

/** What this store writes as ESDB event metadata: ours, plus the payload's schema version. */
type StoredMetadata = EventMetadata & { readonly schemaVersion: number };

export interface EventStoreDbOptions {
  /**
   * The app whose log this is: its streams are `<app>:<stream id>` on the server, and it
   * reads, subscribes to and counts only those. Several apps may then share one server
   * (docker-compose.yml) without reading each other's events.
   */
  readonly app: string;
  /** Stamps business time into each appended event's metadata (EventMetadata.occurredAt). */
  readonly businessNow?: BusinessNow;
  /** Hears what is worth an operator's line: a lost subscription, another app's event skipped. */
  readonly warn?: (message: string) => void;
}

/**
 * EventStore on EventStoreDB (22.6 or later: older servers return no positions on stream reads),
 * reviewed against `@eventstore/db-client` 6.2.1 but not run against a server in this project's CI.
 *
 * Idempotence: event ids are the ESDB event ids. The server recognises a retried append by its
 * ids against the stream for an exact or `no_stream` expectation; for `stream_exists` and `any`
 * only a bounded in-memory cache of recent ids does, lost on a server restart, so a retry of those
 * may append the events twice. Commands that may be retried append with exact revisions.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly prefix: string;
  private readonly subscriptions = new OpenSubscriptions();
  private readonly warn: (message: string) => void;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EventStoreDbOptions,
  ) {
    this.prefix = `${options.app}:`;
    this.warn = options.warn ?? ((message) => console.warn(`[eventstoredb] ${message}`));
  }

  /** `url` is an ESDB connection string: `esdb://host:2113?tls=false`, a cluster `esdb://a:2113,b:2113,c:2113?tls=false`, or `esdb+discover://…`. */
  static connect(url: string, options: EventStoreDbOptions): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(url), options);
  }

  async append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    const result = await this.client
      .appendToStream(this.stored(streamId), withBusinessTime(events, this.options.businessNow).map(toEventData), { expectedRevision: toExpectedRevision(expected) })
      .catch((error: unknown) => {
        const failure = commandError(error);
        if (failure instanceof WrongExpectedVersionError) throw new VersionConflictError(streamId, expected, failure.actualVersion);
        throw translate(failure);
      });
    // Only a client built with throwOnAppendFailure: false reports a conflict this way.
    if (!result.success) {
      const actual = result.nextExpectedRevision < 0n ? 'no_stream' : result.nextExpectedRevision;
      throw new VersionConflictError(streamId, expected, actual);
    }
    return {
      nextExpectedRevision: result.nextExpectedRevision,
      position: await this.lastEventPosition(streamId, result.nextExpectedRevision, result.position),
    };
  }

  /**
   * The append's own position describes the write, which for several events is not
   * the last event's position, and an idempotent replay has none: readers compare
   * against recorded event positions, so read the last one back, from the leader
   * (a follower may not have it yet). The write has landed whatever this read does:
   * when it fails, the append's own position stands in (at worst a read-your-writes
   * token a little early), never an error for a command that succeeded.
   */
  private async lastEventPosition(streamId: string, revision: bigint, written: { commit: bigint; prepare: bigint } | undefined): Promise<GlobalPosition> {
    try {
      const [last] = await this.collect(this.client.readStream(this.stored(streamId), { fromRevision: revision, maxCount: 1, requiresLeader: true }));
      if (last?.event) return positionOf(last.event);
    } catch (error) {
      if (!written) throw error;
    }
    if (!written) throw new Error(`Stream ${streamId}: revision ${revision} was appended but cannot be read back`);
    this.warn(`stream ${streamId}: revision ${revision} appended, not read back; using the append's position`);
    return { commit: written.commit, prepare: written.prepare };
  }

  appendEach(appends: readonly StreamAppend[]): Promise<Array<AppendResult | VersionConflictError>> {
    return appendOneByOne(this, appends);
  }

  readStreams(streamIds: readonly string[], from?: ReadonlyMap<string, bigint>): Promise<Map<string, RecordedEvent[]>> {
    return readEach(this, streamIds, from);
  }

  async readStream(streamId: string, fromRevision = 0n): Promise<RecordedEvent[]> {
    try {
      const events: RecordedEvent[] = [];
      for await (const resolved of this.client.readStream(this.stored(streamId), { fromRevision })) {
        if (resolved.event) events.push(this.toRecordedEvent(resolved.event)!);
      }
      return events;
    } catch (error) {
      if (commandError(error) instanceof StreamNotFoundError) return [];
      throw translate(error);
    }
  }

  /**
   * The client's readAll (6.2.1) sends no filter to the server, and system events and
   * other apps' events count against maxCount, so read pages until `limit` of ours.
   * Reads start at a position inclusively: a page overlaps the previous one by the
   * event at `after`, which is skipped.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.limit ?? DEFAULT_READ_LIMIT;
    const events: RecordedEvent[] = [];
    let after = options.after ?? START;
    while (events.length < limit) {
      const maxCount = limit - events.length + 1;
      const page = await this.collect(this.client.readAll({ fromPosition: readPosition(after), maxCount }));
      const cursor = after;
      for (const { event } of page) {
        if (!event) continue;
        if (events.length < limit && comparePositions(event.position, cursor) > 0) {
          const ours = this.toRecordedEvent(event);
          if (ours) events.push(ours);
        }
        after = event.position;
      }
      if (page.length < maxCount) break;
    }
    return events;
  }

  /**
   * Catch-up subscription on $all with the server filtering to this app's streams
   * (a stream-name prefix). The server reports checkpoints while it filters out other
   * apps' events, so a resubscription starts after them, not at the last event of ours.
   * Batches are what the client has buffered, up to batchSize, waiting a moment for
   * more when the buffer runs dry; the next batch is read only after the handler
   * resolves. A lost connection resubscribes after the last handled position, with a
   * line and a growing pause while it keeps failing; a handler error ends the
   * subscription and rejects `done`. `close()` stops every subscription.
   */
  subscribeToAll(options: SubscribeOptions, handler: BatchHandler): Subscription {
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    let stopped = false;
    let current: AllStreamSubscription | undefined;
    let wake = () => {};
    const run = async () => {
      let checkpoint = options.from;
      let failures = 0;
      while (!stopped) {
        // Only positions of fully handled batches: a checkpoint reported mid-batch would skip its unhandled events.
        let filteredTo: GlobalPosition | undefined;
        const taken = { unhandled: 0 };
        const filter = streamNameFilter({
          prefixes: [this.prefix],
          checkpointInterval: CHECKPOINT_INTERVAL,
          // The client awaits this in stream order, but events before it may still wait in its buffer or in a batch.
          checkpointReached: (subscription, position) => {
            if (subscription.readableLength === 0 && taken.unhandled === 0) filteredTo = { commit: position.commit, prepare: position.prepare };
          },
        });
        current = this.client.subscribeToAll({ fromPosition: readPosition(checkpoint), filter }, { highWaterMark: batchSize });
        const iterator = this.batches(current, checkpoint, batchSize, taken);
        let lost: unknown;
        try {
          for (;;) {
            let next: IteratorResult<RecordedEvent[]>;
            try {
              next = await iterator.next();
            } catch (error) {
              if (stopped) return;
              if (!isUnavailable(error)) throw translate(error);
              lost = error;
              break;
            }
            if (next.done || stopped) break;
            await handler(next.value);
            checkpoint = next.value[next.value.length - 1].position;
            taken.unhandled = 0;
            failures = 0;
          }
        } finally {
          await iterator.return(undefined);
          await current.unsubscribe().catch(() => undefined);
        }
        if (stopped) return;
        if (filteredTo && comparePositions(filteredTo, checkpoint) > 0) checkpoint = filteredTo;
        const delay = Math.min(RESUBSCRIBE_DELAY_MS * 2 ** failures++, RESUBSCRIBE_DELAY_MOST_MS);
        this.warn(`subscription to $all ${lost ? `lost (${(commandError(lost) as Error).message})` : 'ended'}; resubscribing after ${checkpoint.commit}/${checkpoint.prepare} in ${delay / 1000} s`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    };
    const done = run();
    return this.subscriptions.track({
      done,
      stop: async () => {
        stopped = true;
        wake();
        await current?.unsubscribe().catch(() => undefined);
        await done.catch(() => undefined);
      },
    });
  }

  /** `taken.unhandled` counts events taken from the client's buffer and not yet handed over and handled. */
  private async *batches(source: AllStreamSubscription, after: GlobalPosition, size: number, taken: { unhandled: number }): AsyncGenerator<RecordedEvent[]> {
    let batch: RecordedEvent[] = [];
    for await (const { event } of source) {
      if (event && comparePositions(event.position, after) > 0) {
        const ours = this.toRecordedEvent(event);
        if (ours) {
          batch.push(ours);
          taken.unhandled++;
        }
      }
      if (batch.length === 0 || (batch.length < size && source.readableLength > 0)) continue;
      if (batch.length < size) {
        // The buffer ran dry: a moment for the rest of a burst, then hand over what there is.
        await new Promise((resolve) => setTimeout(resolve, BATCH_LINGER_MS));
        if (source.readableLength > 0) continue;
      }
      yield batch;
      batch = [];
    }
    if (batch.length > 0) yield batch;
  }

  /** Scans the whole of $all: the client's readAll has no server-side filter. For progress reports only. */
  async countEvents(): Promise<number> {
    let count = 0;
    try {
      for await (const { event } of this.client.readAll()) if (event?.streamId.startsWith(this.prefix)) count++;
    } catch (error) {
      throw translate(error);
    }
    return count;
  }

  async ping(): Promise<void> {
    await this.collect(this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, deadline: PING_DEADLINE_MS }));
  }

  /**
   * Stops the subscriptions first: they would otherwise see their stream end and resubscribe
   * on a disposed client. The client's dispose (6.2.1) cancels its open calls but has no way to
   * close its gRPC channel, which stays connected and idle until the process ends.
   */
  async close(): Promise<void> {
    await this.subscriptions.stopAll();
    await this.client.dispose();
  }

  private stored(streamId: string): string {
    return this.prefix + streamId;
  }

  /**
   * Ours without the app prefix, or undefined for what is not this app's: system
   * events, other apps' streams (skipped by readAll, which the server does not
   * filter), and a foreign event in our streams, which is logged and skipped: throwing
   * would stop the subscription at the same checkpoint forever.
   */
  private toRecordedEvent(event: EsdbRecordedEvent): RecordedEvent | undefined {
    if (event.type.startsWith('$') || !event.streamId.startsWith(this.prefix)) return undefined;
    const stored: unknown = event.metadata;
    if (!event.isJson || !isStoredMetadata(stored)) {
      this.warn(`skipping event ${event.id} in ${event.streamId}: not written by this store (no JSON metadata with a schemaVersion)`);
      return undefined;
    }
    const { schemaVersion, ...metadata } = stored;
    return {
      id: event.id,
      streamId: event.streamId.slice(this.prefix.length),
      revision: event.revision,
      position: positionOf(event),
      type: event.type,
      schemaVersion,
      data: event.data,
      metadata,
      recordedAt: event.created,
    };
  }

  private async collect<E>(read: StreamingRead<E>): Promise<E[]> {
    const items: E[] = [];
    try {
      for await (const item of read) items.push(item);
    } catch (error) {
      throw translate(error);
    }
    return items;
  }
}

function toExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return expected;
  }
}

/** Our START is before the first event; ESDB spells that as its START, not as a position. */
function readPosition(position: GlobalPosition): ReadPosition {
  return position.commit < 0n ? FROM_START : { commit: position.commit, prepare: position.prepare };
}

function toEventData(event: NewEvent) {
  const metadata: StoredMetadata = { ...event.metadata, schemaVersion: event.schemaVersion };
  return jsonEvent({ id: event.id, type: event.type, data: event.data as JSONType, metadata });
}

function positionOf(event: EsdbRecordedEvent): GlobalPosition {
  if (!event.position) throw new Error('EventStoreDB returned an event without its position: version 22.6 or later is required');
  return { commit: event.position.commit, prepare: event.position.prepare };
}

function isStoredMetadata(metadata: unknown): metadata is StoredMetadata {
  return (
    typeof metadata === 'object' &&
    metadata !== null &&
    typeof (metadata as { schemaVersion?: unknown }).schemaVersion === 'number' &&
    typeof (metadata as { correlationId?: unknown }).correlationId === 'string'
  );
}

/** Most calls reject with the client's CommandErrors, but some paths (its server-features probe) leak raw gRPC errors. */
function commandError(error: unknown): unknown {
  return error instanceof Error ? convertToCommandError(error) : error;
}

/** Failures worth retrying: the node is down or unreachable, the call timed out, or leadership moved. */
function isUnavailable(failure: unknown): boolean {
  const error = commandError(failure);
  return (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof CancelledError ||
    error instanceof NotLeaderError ||
    (error instanceof Error && error.message.startsWith('Failed to discover'))
  );
}

function translate(error: unknown): unknown {
  const failure = commandError(error);
  return isUnavailable(failure) ? new EventStoreUnavailableError('EventStoreDB unavailable', { cause: failure }) : failure;
}
