import {
  ANY,
  BACKWARDS,
  CancelledError,
  convertToCommandError,
  DeadlineExceededError,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  jsonEvent,
  NO_STREAM,
  NotLeaderError,
  START as FROM_START,
  STREAM_EXISTS,
  StreamNotFoundError,
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

const DEFAULT_READ_LIMIT = 1000;
const DEFAULT_BATCH_SIZE = 500;
const RESUBSCRIBE_DELAY_MS = 1000;

/** What this store writes as ESDB event metadata: ours, plus the payload's schema version. */
type StoredMetadata = EventMetadata & { readonly schemaVersion: number };

/**
 * EventStore on EventStoreDB (22.6 or later: older servers return no positions on stream reads).
 * Event ids are the ESDB event ids, so a retried append is recognised by the server
 * (guaranteed for an exact or `no_stream`/`stream_exists` expectation, best effort for `any`).
 */
export class EventStoreDbEventStore implements EventStore {
  constructor(private readonly client: EventStoreDBClient) {}

  static connect(url: string): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(url));
  }

  async append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    const result = await this.client.appendToStream(streamId, events.map(toEventData), { expectedRevision: toExpectedRevision(expected) }).catch((error: unknown) => {
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
      position: await this.lastEventPosition(streamId, result.nextExpectedRevision),
    };
  }

  /**
   * The append's own position describes the write, which for several events is not
   * the last event's position, and an idempotent replay has none: readers compare
   * against recorded event positions, so read the last one back.
   */
  private async lastEventPosition(streamId: string, revision: bigint): Promise<GlobalPosition> {
    const [last] = await this.collect(this.client.readStream(streamId, { fromRevision: revision, maxCount: 1 }));
    if (!last?.event) throw new Error(`Stream ${streamId}: revision ${revision} was appended but cannot be read back`);
    return positionOf(last.event);
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
      for await (const resolved of this.client.readStream(streamId, { fromRevision })) {
        if (resolved.event) events.push(toRecordedEvent(resolved.event));
      }
      return events;
    } catch (error) {
      if (commandError(error) instanceof StreamNotFoundError) return [];
      throw translate(error);
    }
  }

  /**
   * The client's readAll cannot filter on the server, and system events count against
   * maxCount, so read pages until `limit` of ours. Reads start at a position inclusively:
   * a page overlaps the previous one by the event at `after`, which is skipped.
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
        if (events.length < limit && isOurs(event) && comparePositions(event.position, cursor) > 0) {
          events.push(toRecordedEvent(event));
        }
        after = event.position;
      }
      if (page.length < maxCount) break;
    }
    return events;
  }

  /**
   * Catch-up subscription on $all with the server filtering out system events. Batches
   * are what the client has already buffered (up to batchSize); the next batch is read
   * only after the handler resolves. A dropped connection resubscribes after the last
   * handled event; a handler error ends the subscription and rejects `done`.
   */
  subscribeToAll(options: SubscribeOptions, handler: BatchHandler): Subscription {
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    let stopped = false;
    let current: AllStreamSubscription | undefined;
    let wake = () => {};
    const run = async () => {
      let checkpoint = options.from;
      while (!stopped) {
        current = this.client.subscribeToAll({ fromPosition: readPosition(checkpoint), filter: excludeSystemEvents() }, { highWaterMark: batchSize });
        const iterator = batches(current, checkpoint, batchSize);
        try {
          for (;;) {
            let next: IteratorResult<RecordedEvent[]>;
            try {
              next = await iterator.next();
            } catch (error) {
              if (stopped) return;
              if (!isUnavailable(error)) throw translate(error);
              break;
            }
            if (next.done || stopped) break;
            await handler(next.value);
            checkpoint = next.value[next.value.length - 1].position;
          }
        } finally {
          await iterator.return(undefined);
          await current.unsubscribe().catch(() => undefined);
        }
        if (stopped) return;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, RESUBSCRIBE_DELAY_MS);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    };
    const done = run();
    return {
      done,
      stop: async () => {
        stopped = true;
        wake();
        await current?.unsubscribe().catch(() => undefined);
        await done.catch(() => undefined);
      },
    };
  }

  /** Scans the whole of $all: the client's readAll has no server-side filter. For progress reports only. */
  async countEvents(): Promise<number> {
    let count = 0;
    try {
      for await (const { event } of this.client.readAll()) if (event && isOurs(event)) count++;
    } catch (error) {
      throw translate(error);
    }
    return count;
  }

  async ping(): Promise<void> {
    await this.collect(this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 }));
  }

  async close(): Promise<void> {
    await this.client.dispose();
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

async function* batches(source: AllStreamSubscription, after: GlobalPosition, size: number): AsyncGenerator<RecordedEvent[]> {
  let batch: RecordedEvent[] = [];
  for await (const { event } of source) {
    if (event && isOurs(event) && comparePositions(event.position, after) > 0) batch.push(toRecordedEvent(event));
    if (batch.length > 0 && (batch.length >= size || source.readableLength === 0)) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
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

/** Skips what ESDB writes itself: system event types and system streams (`$stats-…`, `$$…` metadata). */
function isOurs(event: EsdbRecordedEvent): boolean {
  return !event.type.startsWith('$') && !event.streamId.startsWith('$');
}

function positionOf(event: EsdbRecordedEvent): GlobalPosition {
  if (!event.position) throw new Error('EventStoreDB returned an event without its position: version 22.6 or later is required');
  return { commit: event.position.commit, prepare: event.position.prepare };
}

function toRecordedEvent(event: EsdbRecordedEvent): RecordedEvent {
  const stored: unknown = event.metadata;
  if (!event.isJson || !isStoredMetadata(stored)) {
    throw new Error(`Event ${event.id} in ${event.streamId} was not written by this store: no JSON data with a schemaVersion`);
  }
  const { schemaVersion, ...metadata } = stored;
  return {
    id: event.id,
    streamId: event.streamId,
    revision: event.revision,
    position: positionOf(event),
    type: event.type,
    schemaVersion,
    data: event.data,
    metadata,
    recordedAt: event.created,
  };
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
