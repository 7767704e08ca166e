import { randomUUID } from 'node:crypto';
import { VersionConflictError, type EventStore, type RecordedEvent } from '@bostadsko/event-store';

export interface CommandContext {
  readonly correlationId: string;
  /** Who: a user id, or the name of the job that decided. */
  readonly actor: string;
  readonly causationId?: string | null;
}

export interface Loaded<S> {
  readonly state: S;
  readonly revision: bigint | undefined;
  readonly events: readonly RecordedEvent[];
}

const RETRIES = 8;

/** Load, decide, append with the expected revision; a concurrent change is retried on fresh state. */
export class EventSourced<S, C, E extends { type: string; data: unknown }> {
  constructor(
    private readonly store: EventStore,
    private readonly streamOf: (id: string) => string,
    private readonly decide: (command: C, state: S) => E[],
    private readonly evolve: (state: S, event: E) => S,
    private readonly initial: S,
  ) {}

  async load(id: string): Promise<Loaded<S>> {
    const events = await this.store.readStream(this.streamOf(id));
    const state = events.reduce((s, e) => this.evolve(s, e as unknown as E), this.initial);
    return { state, revision: events.length > 0 ? events[events.length - 1].revision : undefined, events };
  }

  async handle(id: string, command: C | ((state: S) => C | Promise<C>), context: CommandContext): Promise<{ state: S; events: E[] }> {
    for (let attempt = 1; ; attempt++) {
      const { state, revision } = await this.load(id);
      const decided = this.decide(typeof command === 'function' ? await (command as (s: S) => C | Promise<C>)(state) : command, state);
      if (decided.length === 0) return { state, events: decided };
      try {
        await this.store.append(
          this.streamOf(id),
          decided.map((e) => ({
            id: randomUUID(),
            type: e.type,
            schemaVersion: 1,
            data: e.data,
            metadata: { correlationId: context.correlationId, causationId: context.causationId ?? null, actor: context.actor },
          })),
          revision ?? 'no_stream',
        );
        return { state: decided.reduce(this.evolve, state), events: decided };
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= RETRIES) throw error;
      }
    }
  }
}
