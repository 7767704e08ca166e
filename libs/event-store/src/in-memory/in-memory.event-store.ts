import { VersionConflictError } from '../errors.js';
import type { AppendResult, BatchHandler, EventStore, ExpectedRevision, NewEvent, ReadAllOptions, RecordedEvent, StreamAppend, SubscribeOptions, Subscription } from '../event-store.port.js';
import { comparePositions, START } from '../event-store.port.js';
import { appendOneByOne, readEach } from '../one-by-one.js';
import { pollingSubscription, Wakeup } from '../polling-subscription.js';
import { OpenSubscriptions } from '../open-subscriptions.js';

/** For unit tests of the domain: same contract as the real stores, no durability. */
export class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly eventIds = new Map<string, RecordedEvent>();
  private readonly wakeup = new Wakeup();
  private readonly subscriptions = new OpenSubscriptions();

  async append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    const stream = this.streams.get(streamId) ?? [];
    const previous = events.map((e) => this.eventIds.get(e.id));
    if (previous.every((e) => e?.streamId === streamId)) {
      const last = previous[previous.length - 1]!;
      return { nextExpectedRevision: last.revision, position: last.position };
    }
    const current = stream.length === 0 ? ('no_stream' as const) : BigInt(stream.length - 1);
    const ok = expected === 'any' || (expected === 'no_stream' && current === 'no_stream') || (expected === 'stream_exists' && current !== 'no_stream') || expected === current;
    if (!ok || previous.some((e) => e !== undefined)) throw new VersionConflictError(streamId, expected, current);
    for (const event of events) {
      const index = BigInt(this.log.length + 1);
      const recorded: RecordedEvent = {
        ...structuredClone(event),
        streamId,
        revision: BigInt(stream.length),
        position: { commit: index, prepare: index },
        recordedAt: new Date(),
      };
      stream.push(recorded);
      this.log.push(recorded);
      this.eventIds.set(event.id, recorded);
    }
    this.streams.set(streamId, stream);
    this.wakeup.notify();
    const last = stream[stream.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  appendEach(appends: readonly StreamAppend[]): Promise<Array<AppendResult | VersionConflictError>> {
    return appendOneByOne(this, appends);
  }

  readStreams(streamIds: readonly string[], from?: ReadonlyMap<string, bigint>): Promise<Map<string, RecordedEvent[]>> {
    return readEach(this, streamIds, from);
  }

  async readStream(streamId: string, fromRevision = 0n): Promise<RecordedEvent[]> {
    return (this.streams.get(streamId) ?? []).filter((e) => e.revision >= fromRevision);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? START;
    const from = this.log.findIndex((e) => comparePositions(e.position, after) > 0);
    return from < 0 ? [] : this.log.slice(from, from + (options.limit ?? 1000));
  }

  subscribeToAll(options: SubscribeOptions, handler: BatchHandler): Subscription {
    return this.subscriptions.track(
      pollingSubscription(
        (o) => this.readAll(o),
        this.wakeup,
        {
          from: options.from,
          batchSize: options.batchSize ?? 500,
          idleMs: 50,
          retryMs: 50,
        },
        handler,
      ),
    );
  }

  async countEvents(): Promise<number> {
    return this.log.length;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    await this.subscriptions.stopAll();
  }
}
