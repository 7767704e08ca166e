import type { GlobalPosition, ReadAllOptions, RecordedEvent } from './event-store.port.js';

interface SharedRead {
  readonly limit: number;
  /** Appends seen by the store when this read started. */
  readonly generation: number;
  readonly events: Promise<RecordedEvent[]>;
  settledAt?: number;
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
 * as a read made that much earlier. An empty result is not shared past a later
 * append, so a subscriber woken by an append always looks again.
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
    return this.start(key, options.after, limit);
  }

  private async start(key: string, after: GlobalPosition | undefined, limit: number): Promise<RecordedEvent[]> {
    const shared = Math.max(limit, this.options.minLimit);
    const read: SharedRead = { limit: shared, generation: this.generation, events: this.readAll({ after, limit: shared }) };
    this.reads.set(key, read);
    try {
      const events = await read.events;
      read.settledAt = Date.now();
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
