/**
 * given(events).when(command).then(events): the one way a decider spec states a rule.
 *
 * After emmett's `DeciderSpecification` (event-driven-io/emmett, src/testing/deciderSpecification.ts),
 * written again for three reasons:
 * - `then` asserts the whole list with jest's `toEqual` (order, every field, no extra event) and shows
 *   jest's diff; emmett's `then` matches each expected event as a subset, in any order, and reports
 *   only "false";
 * - `thenThrows` takes our rule violations' `code` as well as a class or a predicate;
 * - our deciders keep their initial state as a value, and some take more than (command, state):
 *   the letting decider also takes the listing's context and the policy, which the spec closes over.
 *
 * Test code only: production code may not import it (.dependency-cruiser.cjs).
 */

/** What a spec needs of a decider: the pure functions, nothing else. */
export interface Decider<Command, Event, State> {
  readonly decide: (command: Command, state: State) => readonly Event[];
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: State;
}

type ErrorClass = abstract new (...args: never[]) => Error;

/** A rule violation's `code` (`'already-registered'`), its class, or a predicate over the thrown value. */
export type ExpectedRefusal = string | ErrorClass | ((error: unknown) => boolean);

export interface WhenStep<Event> {
  /** Exactly these events, in this order, every field (jest `toEqual`). */
  then(expected: readonly Event[]): void;
  /** Accepted, and nothing to record: the command is a no-op in this state. */
  thenNothing(): void;
  /** Refused: the decider throws what `expected` names; `properties` (jest `toMatchObject`) pins more of it, e.g. `{ status: 409 }`. */
  thenThrows(expected: ExpectedRefusal, properties?: Readonly<Record<string, unknown>>): void;
}

export interface GivenStep<Command, Event, State> {
  /** The state the given events fold to, for specs of the decider's queries over state. */
  readonly state: State;
  when(command: Command): WhenStep<Event>;
}

const isErrorClass = (expected: ExpectedRefusal): expected is ErrorClass => typeof expected === 'function' && (expected === Error || expected.prototype instanceof Error);

const describeRefusal = (expected: ExpectedRefusal): string =>
  typeof expected === 'string' ? `a refusal with code '${expected}'` : isErrorClass(expected) ? `a ${expected.name}` : 'a refusal matching the predicate';

function assertRefusal(error: unknown, expected: ExpectedRefusal): void {
  if (typeof expected === 'string') {
    const code = (error as { code?: unknown } | null)?.code;
    if (code !== expected) throw new Error(`Expected ${describeRefusal(expected)}, but the decider threw code '${String(code)}': ${String(error)}`, { cause: error });
  } else if (isErrorClass(expected)) {
    if (!(error instanceof expected)) throw new Error(`Expected ${describeRefusal(expected)}, but the decider threw ${String(error)}`, { cause: error });
  } else if (!expected(error)) {
    throw new Error(`Expected ${describeRefusal(expected)}, but the decider threw ${String(error)}`, { cause: error });
  }
}

/**
 * `const given = deciderSpecification({ decide, evolve, initialState })`, then in a test:
 * `given([registered]).when(register).thenThrows('already-registered')`.
 */
export function deciderSpecification<Command, Event, State>(decider: Decider<Command, Event, State>): (events?: readonly Event[]) => GivenStep<Command, Event, State> {
  return (events = []) => {
    const state = events.reduce(decider.evolve, decider.initialState);
    return {
      state,
      when: (command) => ({
        then: (expected) => expect(decider.decide(command, state)).toEqual(expected),
        thenNothing: () => expect(decider.decide(command, state)).toEqual([]),
        thenThrows: (expected, properties) => {
          let decided: readonly Event[];
          try {
            decided = decider.decide(command, state);
          } catch (error) {
            assertRefusal(error, expected);
            if (properties) expect(error).toMatchObject(properties);
            return;
          }
          throw new Error(`Expected ${describeRefusal(expected)}, but the decider accepted the command with ${JSON.stringify(decided)}`);
        },
      }),
    };
  };
}

/** The events of these commands decided one after another, each on the state the ones before left: a long history told as what happened. */
export function decidedEvents<Command, Event, State>(decider: Decider<Command, Event, State>, commands: readonly Command[]): Event[] {
  const events: Event[] = [];
  let state = decider.initialState;
  for (const command of commands) {
    const decided = decider.decide(command, state);
    events.push(...decided);
    state = decided.reduce(decider.evolve, state);
  }
  return events;
}
