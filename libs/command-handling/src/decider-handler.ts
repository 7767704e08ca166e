import { VersionConflictError, type EventStore, type GlobalPosition, type RecordedEvent } from '../../event-store/src/index.js';
import type { CommandContext } from './command-context.js';
import type { DecidedEvent, Decider } from './decider.js';
import { envelope } from './envelope.js';
import type { EventSchemas } from './event-schemas.js';
import { nextIdempotencyMark } from './idempotency.js';
import { RETRY_POLICY, type RetryPolicy } from './retry-policy.js';
import { staleRevision } from './stale-revision.js';

/** A stream type: its rules, where a command's stream is, and its events' schemas. */
export interface DeciderStream<Command, Event extends DecidedEvent, State> {
  readonly decider: Decider<Command, Event, State>;
  /** The stream a command is about, e.g. `applicant-${command.applicantId}`. */
  readonly streamId: (command: Command) => string;
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
    const recorded = await this.store.readStream(streamId);
    const events = recorded.map((e) => this.stream.schemas.upcast(e));
    const { evolve, initialState } = this.stream.decider;
    const state = events.reduce((s, e) => evolve(s, e as unknown as Event), initialState);
    return { state, revision: events.at(-1)?.revision, events };
  }

  /** Decides `command` on the stream `streamId(command)` names. */
  handle(command: Command, context: CommandContext): Promise<Handled<Event, State>> {
    return this.handleOn(this.stream.streamId(command), () => command, context);
  }

  /**
   * For a command that needs the current state to be made (a reference number drawn
   * only when a notice is due, a value read from state): `build` runs on every
   * attempt, on the state that attempt decides on.
   */
  async handleOn(streamId: string, build: (state: State) => Command | Promise<Command>, context: CommandContext): Promise<Handled<Event, State>> {
    const mark = nextIdempotencyMark(streamId);
    for (let attempt = 1; ; attempt++) {
      const loaded = await this.load(streamId);
      const replay = mark === undefined ? undefined : replayOf(loaded, mark);
      if (replay) return replay as Handled<Event, State>;
      const { state, revision } = loaded;
      if (context.expectedRevision !== undefined && context.expectedRevision !== revision) throw staleRevision(context.expectedRevision, revision);
      const decided = this.stream.decider.decide(await build(state), state);
      if (decided.length === 0) return { state, events: decided, revision, replayed: false };
      try {
        const appended = await this.store.append(
          streamId,
          decided.map((e) => envelope(e, this.stream.schemas, context, mark)),
          revision ?? 'no_stream',
        );
        const after = decided.reduce(this.stream.decider.evolve, state);
        return { state: after, events: decided, revision: appended.nextExpectedRevision, position: appended.position, replayed: false };
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
        if (context.expectedRevision !== undefined) throw staleRevision(context.expectedRevision, error.actual === 'no_stream' ? undefined : error.actual);
        if (attempt >= this.retry.maxAttempts) throw error;
      }
    }
  }
}

/** The outcome an earlier attempt of this request recorded, if the stream holds it. */
function replayOf<State>(loaded: Loaded<State>, mark: string): Handled<DecidedEvent, State> | undefined {
  const mine = loaded.events.filter((e) => e.metadata.idempotencyKey === mark);
  const last = mine.at(-1);
  if (!last) return undefined;
  return { state: loaded.state, events: mine.map(({ type, data }) => ({ type, data })), revision: last.revision, position: last.position, replayed: true };
}
