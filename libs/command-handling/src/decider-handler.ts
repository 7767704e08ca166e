import { VersionConflictError, type EventStore, type GlobalPosition, type RecordedEvent, type StreamAppend } from '@bostadsko/event-store';
import type { CommandContext } from './command-context.js';
import type { DecidedEvent, Decider } from './decider.js';
import { envelope } from './envelope.js';
import type { EventSchemas } from './event-schemas.js';
import { idempotencyMarkFor } from './idempotency.js';
import { RETRY_POLICY, type RetryPolicy } from './retry-policy.js';
import { staleRevision } from './stale-revision.js';

/** A stream type: its rules, where a command's stream is, and its events' schemas. */
export interface DeciderStream<Command, Event extends DecidedEvent, State> {
  readonly decider: Decider<Command, Event, State>;
  /**
   * The stream a command is about, e.g. `applicant-${command.applicantId}`; absent for
   * a stream type whose commands do not name it (then callers name it: `handleOn`).
   */
  readonly streamId?: (command: Command) => string;
  readonly schemas: EventSchemas<Event>;
}

export interface Loaded<State> {
  readonly state: State;
  /** The stream's last revision; undefined when it does not exist. */
  readonly revision: bigint | undefined;
  /** As recorded, after upcasting: for history views and for what metadata says. */
  readonly events: readonly RecordedEvent[];
}

export interface Handled<Event, State> {
  /** The state after the command (or, replayed, the stream's current state). */
  readonly state: State;
  /** What this command appended: empty when the decider had nothing to record. */
  readonly events: readonly Event[];
  /** The stream's revision after these events (for an ETag); undefined when the stream does not exist. */
  readonly revision: bigint | undefined;
  /** Where the last of the events landed in the log, to wait for read models; absent when nothing was appended. */
  readonly position?: GlobalPosition;
  /**
   * True when the stream already held this request's events (same Idempotency-Key):
   * they are answered without deciding again, as the first attempt would have.
   */
  readonly replayed: boolean;
}

/**
 * A decision on a stream read elsewhere: the request's earlier outcome, or what to
 * append and the result it gives once the append succeeds.
 */
export type Decision<Event, State> = { readonly replayed: Handled<Event, State> } | { readonly append: StreamAppend; readonly decided: Handled<Event, State> };

/** Where a stream's state was already known: a reader that holds it reads only the events after `revision`. */
export interface Known<State> {
  readonly state: State;
  readonly revision: bigint;
}

/**
 * The one command path: stream id from the command; load (read the stream, upcast,
 * evolve); decide; append with the expected revision. A revision conflict is decided
 * again on fresh state under one bounded policy, unless the caller gave If-Match:
 * then a changed stream is `PreconditionFailed` (412), before deciding or after.
 * Under an Idempotency-Key (`withIdempotencyKey`) the appended events carry the key,
 * and a stream that already holds them answers from them instead of deciding again.
 * Errors the decider throws (rule violations) pass through untouched.
 */
export class DeciderHandler<Command, Event extends DecidedEvent, State> {
  constructor(
    private readonly store: EventStore,
    private readonly stream: DeciderStream<Command, Event, State>,
    private readonly retry: RetryPolicy = RETRY_POLICY,
  ) {}

  async load(streamId: string): Promise<Loaded<State>> {
    return this.fold(await this.store.readStream(streamId));
  }

  /**
   * The state after `recorded` (upcast, then evolved), from `known` when the reader
   * held the stream's beginning and read only what followed it (`readStream(id, known.revision + 1n)`).
   */
  fold(recorded: readonly RecordedEvent[], known?: Known<State>): Loaded<State> {
    const events = recorded.map((e) => this.stream.schemas.upcast(e));
    const { evolve, initialState } = this.stream.decider;
    const state = events.reduce((s, e) => evolve(s, e as unknown as Event), known?.state ?? initialState);
    return { state, revision: events.at(-1)?.revision ?? known?.revision, events };
  }

  /** Decides `command` on the stream `streamId(command)` names. */
  handle(command: Command, context: CommandContext): Promise<Handled<Event, State>> {
    if (!this.stream.streamId) throw new Error('This stream type names no stream from a command: use handleOn');
    return this.handleOn(this.stream.streamId(command), () => command, context);
  }

  /**
   * For a command that needs the current state to be made (a reference number drawn
   * only when a notice is due, a value read from state): `build` runs on every
   * attempt, on the state that attempt decides on.
   */
  async handleOn(streamId: string, build: (state: State) => Command | Promise<Command>, context: CommandContext): Promise<Handled<Event, State>> {
    const mark = markOf(streamId, context);
    for (let attempt = 1; ; attempt++) {
      const loaded = await this.load(streamId);
      const replayed = this.replayedOrCurrent(loaded, context, mark);
      if (replayed) return replayed;
      const { append, decided } = this.decision(streamId, loaded, await build(loaded.state), context, mark);
      if (append.events.length === 0) return decided;
      try {
        const appended = await this.store.append(streamId, append.events, append.expected);
        return { ...decided, revision: appended.nextExpectedRevision, position: appended.position };
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
        if (context.expectedRevision !== undefined) throw staleRevision(context.expectedRevision, error.actual === 'no_stream' ? undefined : error.actual);
        if (attempt >= this.retry.maxAttempts) throw error;
      }
    }
  }

  /**
   * One attempt on a stream the caller has read (a batch reads many at once and
   * appends them together with `appendEach`), with no I/O of its own: the earlier
   * outcome of this request if the stream holds it, else what to append. A
   * conflict at that append is the caller's to retry, e.g. through `handleOn`.
   * Under a batch, give the context the request's `idempotencyMark`.
   */
  decideOn(streamId: string, loaded: Loaded<State>, build: (state: State) => Command, context: CommandContext): Decision<Event, State> {
    const mark = markOf(streamId, context);
    const replayed = this.replayedOrCurrent(loaded, context, mark);
    return replayed ? { replayed } : this.decision(streamId, loaded, build(loaded.state), context, mark);
  }

  /** This request's earlier outcome if the stream holds it; else nothing, once If-Match (if given) holds. */
  private replayedOrCurrent(loaded: Loaded<State>, context: CommandContext, mark: string | undefined): Handled<Event, State> | undefined {
    const replayed = mark === undefined ? undefined : replayOf(loaded, mark);
    if (replayed) return replayed as Handled<Event, State>;
    if (context.expectedRevision !== undefined && context.expectedRevision !== loaded.revision) throw staleRevision(context.expectedRevision, loaded.revision);
    return undefined;
  }

  private decision(streamId: string, { state, revision }: Loaded<State>, command: Command, context: CommandContext, mark: string | undefined): Extract<Decision<Event, State>, { append: unknown }> {
    const decided = this.stream.decider.decide(command, state);
    return {
      append: { streamId, events: decided.map((e) => envelope(e, this.stream.schemas, context, mark)), expected: revision ?? 'no_stream' },
      decided: { state: decided.reduce(this.stream.decider.evolve, state), events: decided, revision, replayed: false },
    };
  }
}

/** The mark the context names (a batch took it in the request), else the running request's next one. */
const markOf = (streamId: string, context: CommandContext) => (context.idempotencyMark === undefined ? idempotencyMarkFor(streamId) : (context.idempotencyMark ?? undefined));

/** The outcome an earlier attempt of this request recorded, if the stream holds it. */
function replayOf<State>(loaded: Loaded<State>, mark: string): Handled<DecidedEvent, State> | undefined {
  const mine = loaded.events.filter((e) => e.metadata.idempotencyKey === mark);
  const last = mine.at(-1);
  if (!last) return undefined;
  return { state: loaded.state, events: mine.map(({ type, data }) => ({ type, data })), revision: last.revision, position: last.position, replayed: true };
}
