import type pg from 'pg';
import type { IntegrationMessage } from './bus.port.js';
import { isProgressMarker } from './kafka/kafka-progress.js';
import { errorText, poisonReason } from './poison.js';
import { readDeadLetters } from './postgres/inbox.js';

export interface SkippedMessage {
  readonly id: string;
  readonly reason: string;
}

/**
 * A replay of a consumer group's topics (a rebuild, the allocations audit) applies
 * exactly what the live group applied: not what it dead-lettered, whatever the
 * failure was, and not poison it has yet to reach (it will dead-letter that too).
 * So one bad message can never stop a replay, and the replay says what it left out.
 */
export class ReplayFilter {
  private readonly skips = new Map<string, string>();
  private readonly unreadable = new Map<string, string>();

  private constructor(
    readonly group: string,
    private readonly deadLettered: ReadonlyMap<string, string>,
  ) {}

  /** `readModel` is the group's own database, where its dead letters are kept. */
  static async forGroup(readModel: pg.Pool, group: string): Promise<ReplayFilter> {
    const dead = await readDeadLetters(readModel, group);
    return new ReplayFilter(group, new Map(dead.map((d) => [d.message.id, `dead-lettered: ${d.error}`])));
  }

  admits(message: IntegrationMessage): boolean {
    // Kafka's relay progress markers sit among the messages; the live consumer never hands them to a handler either.
    if (isProgressMarker(message)) return false;
    const reason = this.deadLettered.get(message.id) ?? this.unreadable.get(message.id) ?? poisonReason(message);
    if (reason === undefined) return true;
    this.skips.set(message.id, reason);
    return false;
  }

  /** A record that is no integration message at all (Kafka), to be refused when it comes: the live consumer dead-letters it too. */
  unreadableRecord(message: IntegrationMessage, error: Error): void {
    this.unreadable.set(message.id, errorText(error));
  }

  get skipped(): SkippedMessage[] {
    return [...this.skips].map(([id, reason]) => ({ id, reason }));
  }

  /** One line for the operator (count and ids), or none when nothing was skipped. */
  summary(): string | undefined {
    if (this.skips.size === 0) return undefined;
    const count = this.skips.size === 1 ? '1 message' : `${this.skips.size} messages`;
    return `skipped ${count} as consumer group ${this.group} did (dead-lettered or breaking its contract): ${[...this.skips.keys()].join(', ')}`;
  }
}
