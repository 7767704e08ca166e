import { decidedEvents, deciderSpecification } from './decider-specification.js';

/** A toy decider: a counter that opens once and adds up to a limit. */
type CounterEvent = { readonly type: 'opened'; readonly data: { readonly limit: number } } | { readonly type: 'added'; readonly data: { readonly by: number; readonly total: number } };
type CounterCommand = { readonly type: 'open'; readonly limit: number } | { readonly type: 'add'; readonly by: number };
type CounterState = { readonly status: 'none' } | { readonly status: 'open'; readonly limit: number; readonly total: number };

class CounterRuleViolation extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 422,
  ) {
    super(message);
  }
}

const counter = {
  initialState: { status: 'none' } as CounterState,
  decide(command: CounterCommand, state: CounterState): CounterEvent[] {
    if (command.type === 'open') return state.status === 'open' ? [] : [{ type: 'opened', data: { limit: command.limit } }];
    if (state.status !== 'open') throw new CounterRuleViolation('not-open', 'Open the counter first', 404);
    if (state.total + command.by > state.limit) throw new CounterRuleViolation('over-limit', `The limit is ${state.limit}`);
    return [{ type: 'added', data: { by: command.by, total: state.total + command.by } }];
  },
  evolve(state: CounterState, event: CounterEvent): CounterState {
    if (event.type === 'opened') return { status: 'open', limit: event.data.limit, total: 0 };
    return state.status === 'open' ? { ...state, total: event.data.total } : state;
  },
};

const given = deciderSpecification(counter);
const opened: CounterEvent = { type: 'opened', data: { limit: 10 } };
const added = (by: number, total: number): CounterEvent => ({ type: 'added', data: { by, total } });

describe('decider specification', () => {
  test('then: the decided events, whole and in order', () => {
    given([opened])
      .when({ type: 'add', by: 3 })
      .then([added(3, 3)]);
    given([opened, added(3, 3)])
      .when({ type: 'add', by: 4 })
      .then([added(4, 7)]);
  });

  test('then fails on a missing, extra or different field, and on a missing or extra event', () => {
    expect(() =>
      given([opened])
        .when({ type: 'add', by: 3 })
        .then([{ type: 'added', data: { by: 3 } } as CounterEvent]),
    ).toThrow();
    expect(() =>
      given([opened])
        .when({ type: 'add', by: 3 })
        .then([{ type: 'added', data: { by: 3, total: 3, extra: 1 } } as CounterEvent]),
    ).toThrow();
    expect(() =>
      given([opened])
        .when({ type: 'add', by: 3 })
        .then([added(3, 4)]),
    ).toThrow();
    expect(() => given([opened]).when({ type: 'add', by: 3 }).then([])).toThrow();
    expect(() =>
      given([opened])
        .when({ type: 'add', by: 3 })
        .then([added(3, 3), added(3, 3)]),
    ).toThrow();
  });

  test('then lets a decider refusal through, so the test fails with the rule violation itself', () => {
    expect(() => given().when({ type: 'add', by: 1 }).then([])).toThrow(CounterRuleViolation);
  });

  test('thenNothing: accepted with no event; fails when events are decided', () => {
    given([opened]).when({ type: 'open', limit: 5 }).thenNothing();
    expect(() => given().when({ type: 'open', limit: 5 }).thenNothing()).toThrow();
  });

  test('thenThrows by code, by class, by predicate, with properties', () => {
    given([opened]).when({ type: 'add', by: 11 }).thenThrows('over-limit');
    given([opened]).when({ type: 'add', by: 11 }).thenThrows(CounterRuleViolation);
    given([opened])
      .when({ type: 'add', by: 11 })
      .thenThrows((error) => error instanceof CounterRuleViolation && error.message === 'The limit is 10');
    given().when({ type: 'add', by: 1 }).thenThrows('not-open', { status: 404, message: 'Open the counter first' });
  });

  test('thenThrows fails on another code, class, predicate or property, and when the command is accepted', () => {
    expect(() => given([opened]).when({ type: 'add', by: 11 }).thenThrows('not-open')).toThrow(/code 'not-open'.*threw code 'over-limit'/);
    expect(() => given([opened]).when({ type: 'add', by: 11 }).thenThrows(TypeError)).toThrow(/a TypeError/);
    expect(() =>
      given([opened])
        .when({ type: 'add', by: 11 })
        .thenThrows(() => false),
    ).toThrow(/predicate/);
    expect(() => given().when({ type: 'add', by: 1 }).thenThrows('not-open', { status: 409 })).toThrow();
    expect(() => given([opened]).when({ type: 'add', by: 1 }).thenThrows('over-limit')).toThrow(/accepted the command with \[\{"type":"added"/);
  });

  test('the state the given events fold to, for queries over it', () => {
    expect(given([opened, added(3, 3)]).state).toEqual({ status: 'open', limit: 10, total: 3 });
    expect(given().state).toEqual({ status: 'none' });
  });

  test('decidedEvents: a history told as the commands that made it', () => {
    expect(
      decidedEvents(counter, [
        { type: 'open', limit: 10 },
        { type: 'open', limit: 5 },
        { type: 'add', by: 2 },
        { type: 'add', by: 3 },
      ]),
    ).toEqual([opened, added(2, 2), added(3, 5)]);
  });
});
