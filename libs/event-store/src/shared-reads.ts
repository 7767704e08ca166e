import { comparePositions, type GlobalPosition, type ReadAllOptions, type RecordedEvent } from './event-store.port.js';

interface SharedRead {
  readonly limit: number;
  /** Appends seen by the store when this read started. */
  readonly generation: number;
  readonly events: Promise<RecordedEvent[]>;
  settledAt?: number;
  settled?: RecordedEvent[];
}

export interface SharedReadsOptions {
  /** How long a finished read may still be handed to a subscriber that asks from the same position. */
  readonly freshMs: number;
  /** Every shared read asks for at least this many events, so subscribers with smaller batches can share it. */
  readonly minLimit: number;
}

/**
 * An app's projections, relay and runners all follow the same log and, once
 * caught up, ask for the same events at nearly the same moment. Reads from one
 * position share one query and one parse: a result up to `freshMs` old is as good
 * as a read made that much earlier. A subscriber a little ahead of another is
 * handed the rest of the other's read, so their next reads start together. An
 * empty result is not shared past a later append, so a subscriber woken by an
 * append always looks again.
 */
export class SharedReads {
  private readonly reads = new Map<string, SharedRead>();
  private generation = 0;

  constructor(
    private readonly readAll: (options: ReadAllOptions) => Promise<RecordedEvent[]>,
    private readonly options: SharedReadsOptions,
  ) {}

  appended(): void {
    this.generation++;
  }

  async read(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const limit = options.limit ?? this.options.minLimit;
    const key = positionKey(options.after);
    this.forgetStale();
    const shared = this.reads.get(key);
    if (shared && shared.limit >= limit) {
      const events = await shared.events;
      if (events.length > 0 || shared.generation === this.generation) return events.length > limit ? events.slice(0, limit) : events;
    }
    return (options.after && this.restOfRead(options.after, limit)) || this.start(key, options.after, limit);
  }

  /**
   * The events after `after` in a fresh read that passed it, if any remain. Only
   * from a read that reached the end of the log: the rest of a full one would
   * look like the end to a subscriber catching up, and make it settle.
   */
  private restOfRead(after: GlobalPosition, limit: number): RecordedEvent[] | undefined {
    for (const { settled, limit: readLimit } of this.reads.values()) {
      if (!settled || settled.length < 2 || settled.length >= readLimit) continue;
      const at = indexOf(settled, after);
      if (at >= 0 && at < settled.length - 1) return settled.slice(at + 1, at + 1 + limit);
    }
    return undefined;
  }

  private async start(key: string, after: GlobalPosition | undefined, limit: number): Promise<RecordedEvent[]> {
    const shared = Math.max(limit, this.options.minLimit);
    const read: SharedRead = { limit: shared, generation: this.generation, events: this.readAll({ after, limit: shared }) };
    this.reads.set(key, read);
    try {
      const events = await read.events;
      read.settledAt = Date.now();
      read.settled = events;
      return events.length > limit ? events.slice(0, limit) : events;
    } catch (error) {
      if (this.reads.get(key) === read) this.reads.delete(key);
      throw error;
    }
  }

  private forgetStale(): void {
    const now = Date.now();
    for (const [key, read] of this.reads) {
      if (read.settledAt !== undefined && now - read.settledAt > this.options.freshMs) this.reads.delete(key);
    }
  }
}

const positionKey = (after: GlobalPosition | undefined) => (after ? `${after.commit}/${after.prepare}` : 'start');

/** Where the event at `position` is in events ordered by position, or -1. */
function indexOf(events: readonly RecordedEvent[], position: GlobalPosition): number {
  let low = 0;
  let high = events.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const order = comparePositions(events[middle].position, position);
    if (order === 0) return middle;
    if (order < 0) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}
