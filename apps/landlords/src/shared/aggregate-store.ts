import { randomUUID } from 'node:crypto';
import { VersionConflictError, type RecordedEvent } from '@bostadsko/event-store';
import { PreconditionFailed } from '@bostadsko/platform';
import type { Infrastructure } from '@bostadsko/runtime';

export interface CommandContext {
  readonly correlationId: string;
  /** Who: a user id, or the name of the process that decided. */
  readonly actor: string;
  /** From If-Match: the revision the caller saw; absent means "retry on a concurrent change". */
  readonly expectedRevision?: bigint;
}

export interface Decider<C, E extends { type: string; data: unknown }, S> {
  readonly decide: (command: C, state: S) => E[];
  readonly evolve: (state: S, event: E) => S;
  readonly initialState: S;
}

export interface Loaded<S> {
  readonly state: S;
  readonly revision: bigint | undefined;
  readonly events: readonly RecordedEvent[];
}

const RETRIES = 5;

/** Load, decide, append with the expected revision: the one way a stream of this app changes. */
export class AggregateStore<C, E extends { type: string; data: unknown }, S> {
  constructor(
    private readonly infra: Infrastructure,
    private readonly decider: Decider<C, E, S>,
  ) {}

  async load(stream: string): Promise<Loaded<S>> {
    const events = await this.infra.store.readStream(stream);
    const state = events.reduce((s, e) => this.decider.evolve(s, e as unknown as E), this.decider.initialState);
    return { state, revision: events.at(-1)?.revision, events };
  }

  async handle(stream: string, command: C, context: CommandContext): Promise<{ state: S; revision: bigint | undefined; events: E[] }> {
    for (let attempt = 1; ; attempt++) {
      const { state, revision } = await this.load(stream);
      if (context.expectedRevision !== undefined && context.expectedRevision !== revision) throw stale(context.expectedRevision, revision);
      const events = this.decider.decide(command, state);
      if (events.length === 0) return { state, revision, events };
      try {
        const result = await this.infra.store.append(
          stream,
          events.map((e) => ({ id: randomUUID(), type: e.type, schemaVersion: 1, data: e.data, metadata: { correlationId: context.correlationId, causationId: null, actor: context.actor } })),
          revision ?? 'no_stream',
        );
        return { state: events.reduce(this.decider.evolve, state), revision: result.nextExpectedRevision, events };
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
        // With If-Match the caller must look again; without it a concurrent change is retried on fresh state.
        if (context.expectedRevision !== undefined) throw stale(context.expectedRevision, undefined);
        if (attempt >= RETRIES) throw error;
      }
    }
  }
}

function stale(expected: bigint, actual: bigint | undefined): PreconditionFailed {
  return new PreconditionFailed(`It changed since you read it (your ETag "${expected}"): fetch it again and retry`, {
    extensions: actual === undefined ? {} : { currentRevision: String(actual) },
  });
}
