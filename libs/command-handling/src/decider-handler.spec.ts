import { InMemoryEventStore, VersionConflictError, type AppendResult, type ExpectedRevision, type NewEvent } from '@bostadsko/event-store';
import { PreconditionFailed } from '@bostadsko/errors';
import { DeciderHandler, EventSchemas, idempotencyMarkFor, newStreamId, withIdempotencyKey } from './index.js';
import { tally, type TallyEvent } from './tally.fixture.js';

const context = { correlationId: 'req-1', actor: 'user-1' };

/** A store where another writer appends to the stream just before each of our appends, `times` times. */
class Contended extends InMemoryEventStore {
  appends = 0;
  constructor(private times: number) {
    super();
  }

  override async append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    this.appends++;
    if (this.times > 0 && !events[0].metadata.actor?.startsWith('other')) {
      this.times--;
      await super.append(streamId, [{ id: crypto.randomUUID(), type: 'added', schemaVersion: 2, data: { amount: 100 }, metadata: { correlationId: 'other', actor: 'other' } }], 'any');
    }
    return super.append(streamId, events, expected);
  }
}

describe('DeciderHandler', () => {
  test('appends what the decider decides, each event in one envelope: registered schema version, correlation, causation, actor', async () => {
    const store = new InMemoryEventStore();
    const handler = new DeciderHandler(store, tally);
    await handler.handle({ type: 'open', id: 't' }, context);
    const result = await handler.handle({ type: 'add', id: 't', amount: 5 }, { ...context, causationId: 'event-9' });

    expect(result).toEqual({ state: { open: true, total: 5 }, events: [{ type: 'added', data: { amount: 5 } }], revision: 1n, position: expect.anything(), replayed: false });
    const recorded = await store.readStream('tally-t');
    expect(recorded.map(({ type, schemaVersion, data, metadata }) => ({ type, schemaVersion, data, metadata }))).toEqual([
      { type: 'opened', schemaVersion: 1, data: { id: 't' }, metadata: { correlationId: 'req-1', causationId: 'req-1', actor: 'user-1' } },
      { type: 'added', schemaVersion: 2, data: { amount: 5 }, metadata: { correlationId: 'req-1', causationId: 'event-9', actor: 'user-1' } },
    ]);
    expect(result.position).toEqual(recorded[1].position);
  });

  test('a decider refusal passes through and appends nothing; a decision of nothing appends nothing', async () => {
    const store = new InMemoryEventStore();
    const handler = new DeciderHandler(store, tally);
    await expect(handler.handle({ type: 'add', id: 't', amount: 1 }, context)).rejects.toThrow('The tally is not open');
    await handler.handle({ type: 'open', id: 't' }, context);
    expect(await handler.handle({ type: 'add', id: 't', amount: 0 }, context)).toEqual({ state: { open: true, total: 0 }, events: [], revision: 0n, replayed: false });
    expect(await store.countEvents()).toBe(1);
  });

  test('concurrent writers to one stream both land: the loser decides again on fresh state', async () => {
    const store = new InMemoryEventStore();
    const handler = new DeciderHandler(store, tally);
    await handler.handle({ type: 'open', id: 't' }, context);
    const results = await Promise.all([1, 2, 3].map((amount) => handler.handle({ type: 'add', id: 't', amount }, context)));
    expect(results.map((r) => r.revision).sort()).toEqual([1n, 2n, 3n]);
    expect((await handler.load('tally-t')).state).toEqual({ open: true, total: 6 });
  });

  test('retries are bounded: a stream that keeps changing under the command gives up with the conflict', async () => {
    const store = new Contended(Infinity);
    const handler = new DeciderHandler(store, tally, { maxAttempts: 3 });
    await store.append('tally-t', [{ id: crypto.randomUUID(), type: 'opened', schemaVersion: 1, data: { id: 't' }, metadata: { correlationId: 'x', actor: 'other' } }], 'no_stream');
    store.appends = 0;
    await expect(handler.handle({ type: 'add', id: 't', amount: 1 }, context)).rejects.toBeInstanceOf(VersionConflictError);
    expect(store.appends).toBe(3);
  });

  test('with If-Match a stale revision is 412 before deciding, and a change during the command is 412, not retried', async () => {
    const store = new Contended(0);
    const handler = new DeciderHandler(store, tally);
    await handler.handle({ type: 'open', id: 't' }, context);
    await handler.handle({ type: 'add', id: 't', amount: 1 }, context);

    const stale = handler.handle({ type: 'add', id: 't', amount: 1 }, { ...context, expectedRevision: 0n });
    await expect(stale).rejects.toBeInstanceOf(PreconditionFailed);
    await expect(stale).rejects.toMatchObject({ status: 412, extensions: { currentRevision: '1' } });

    const raced = new Contended(1);
    const racing = new DeciderHandler(raced, tally);
    await raced.append('tally-r', [{ id: crypto.randomUUID(), type: 'opened', schemaVersion: 1, data: { id: 'r' }, metadata: { correlationId: 'x', actor: 'other' } }], 'no_stream');
    await expect(racing.handle({ type: 'add', id: 'r', amount: 1 }, { ...context, expectedRevision: 0n })).rejects.toMatchObject({ status: 412, extensions: { currentRevision: '1' } });
    expect((await racing.load('tally-r')).state.total).toBe(100);
  });

  test('handleOn builds the command from the state each attempt decides on', async () => {
    const store = new InMemoryEventStore();
    const handler = new DeciderHandler(store, tally);
    await handler.handle({ type: 'open', id: 't' }, context);
    await handler.handle({ type: 'add', id: 't', amount: 3 }, context);
    const doubled = await handler.handleOn('tally-t', async (state) => ({ type: 'add', id: 't', amount: state.total }), context);
    expect(doubled.state.total).toBe(6);
  });

  describe('idempotency in the stream', () => {
    test('the key goes into each appended event; a retry of the request answers from those events without deciding again', async () => {
      const store = new InMemoryEventStore();
      const handler = new DeciderHandler(store, tally);
      const first = await withIdempotencyKey('k-1', () => handler.handle({ type: 'open', id: 't' }, context));
      await handler.handle({ type: 'add', id: 't', amount: 2 }, context);

      // Deciding again would refuse ("already open"): the retry gets the first answer instead.
      const retry = await withIdempotencyKey('k-1', () => handler.handle({ type: 'open', id: 't' }, context));
      expect(retry).toEqual({ ...first, state: { open: true, total: 2 }, replayed: true });
      expect((await store.readStream('tally-t')).map((e) => e.metadata.idempotencyKey)).toEqual(['k-1', undefined]);

      // The If-Match the first attempt carried is stale by now; the answer is still the first one.
      const staleRetry = await withIdempotencyKey('k-1', () => handler.handle({ type: 'open', id: 't' }, { ...context, expectedRevision: 5n }));
      expect(staleRetry.revision).toBe(0n);
      expect(await store.countEvents()).toBe(2);
      await expect(withIdempotencyKey('k-2', () => handler.handle({ type: 'open', id: 't' }, context))).rejects.toThrow('already open');
    });

    test('two commands on one stream in one request are marked apart, and a retry replays each', async () => {
      const store = new InMemoryEventStore();
      const handler = new DeciderHandler(store, tally);
      await handler.handle({ type: 'open', id: 't' }, context);
      const request = () =>
        withIdempotencyKey('k', async () => [await handler.handle({ type: 'add', id: 't', amount: 1 }, context), await handler.handle({ type: 'add', id: 't', amount: 2 }, context)]);
      const [a, b] = await request();
      const [ra, rb] = await request();
      expect([ra.revision, rb.revision, ra.replayed, rb.replayed]).toEqual([a.revision, b.revision, true, true]);
      expect(rb.events).toEqual<TallyEvent[]>([{ type: 'added', data: { amount: 2 } }]);
      expect((await store.readStream('tally-t')).map((e) => e.metadata.idempotencyKey)).toEqual([undefined, 'k', 'k#2']);
    });
  });

  describe('a batch: streams read together, decided apart, appended together', () => {
    test('fold starts from a known state and revision and takes only the events after it', async () => {
      const store = new InMemoryEventStore();
      const handler = new DeciderHandler(store, tally);
      await handler.handle({ type: 'open', id: 't' }, context);
      const known = await handler.handle({ type: 'add', id: 't', amount: 2 }, context);
      await handler.handle({ type: 'add', id: 't', amount: 3 }, context);
      const after = handler.fold(await store.readStream('tally-t', known.revision! + 1n), { state: known.state, revision: known.revision! });
      expect([after.state, after.revision]).toEqual([{ open: true, total: 5 }, 2n]);
      expect(handler.fold([], { state: known.state, revision: known.revision! })).toEqual({ state: known.state, revision: 1n, events: [] });
    });

    test('decideOn decides on what the caller read and appends nothing itself; its append lands as handle would have written it', async () => {
      const store = new InMemoryEventStore();
      const handler = new DeciderHandler(store, tally);
      await handler.handle({ type: 'open', id: 't' }, context);
      const decision = handler.decideOn('tally-t', await handler.load('tally-t'), (state) => ({ type: 'add', id: 't', amount: state.total + 4 }), { ...context, idempotencyMark: 'm-1' });
      if (!('append' in decision)) throw new Error('expected a decision to append');
      expect(decision.decided).toEqual({ state: { open: true, total: 4 }, events: [{ type: 'added', data: { amount: 4 } }], revision: 0n, replayed: false });
      expect(await store.readStream('tally-t')).toHaveLength(1);
      expect(await store.appendEach([decision.append])).toEqual([expect.objectContaining({ nextExpectedRevision: 1n })]);
      expect((await store.readStream('tally-t'))[1]).toMatchObject({ schemaVersion: 2, metadata: { correlationId: 'req-1', causationId: 'req-1', actor: 'user-1', idempotencyKey: 'm-1' } });
      // The same request again finds its mark and is answered from it.
      const again = handler.decideOn('tally-t', await handler.load('tally-t'), () => ({ type: 'open', id: 't' }), { ...context, idempotencyMark: 'm-1' });
      expect(again).toEqual({ replayed: { state: { open: true, total: 4 }, events: [{ type: 'added', data: { amount: 4 } }], revision: 1n, position: expect.anything(), replayed: true } });
    });

    test('a mark taken in the request goes with the command, whatever request the batch runs in; null marks nothing', async () => {
      const store = new InMemoryEventStore();
      const handler = new DeciderHandler(store, tally);
      const mark = withIdempotencyKey('mine', () => idempotencyMarkFor('tally-a'));
      await withIdempotencyKey('whoever-started-the-batch', async () => {
        await handler.handleOn('tally-a', () => ({ type: 'open', id: 'a' }), { ...context, idempotencyMark: mark });
        await handler.handleOn('tally-b', () => ({ type: 'open', id: 'b' }), { ...context, idempotencyMark: null });
      });
      expect([(await store.readStream('tally-a'))[0].metadata.idempotencyKey, (await store.readStream('tally-b'))[0].metadata.idempotencyKey]).toEqual(['mine', undefined]);
    });

    test('a new stream id is the same on every attempt under one key, apart per kind and per draw, and random without a key', () => {
      const draws = (key: string) => withIdempotencyKey(key, () => [newStreamId('listing'), newStreamId('listing'), newStreamId('case')]);
      const first = draws('k-1');
      expect(draws('k-1')).toEqual(first);
      expect(new Set([...first, ...draws('k-2')]).size).toBe(6);
      expect(first.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
      expect(newStreamId('listing')).not.toBe(newStreamId('listing'));
    });
  });

  describe('schemas', () => {
    test('old data is upcast on read before evolve', async () => {
      const store = new InMemoryEventStore();
      const schemas = new EventSchemas<TallyEvent>({ opened: 1, added: { version: 2, upcast: (data) => ({ amount: (data as { cents: number }).cents / 100 }) } });
      const handler = new DeciderHandler(store, { ...tally, schemas });
      await handler.handle({ type: 'open', id: 't' }, context);
      await store.append('tally-t', [{ id: crypto.randomUUID(), type: 'added', schemaVersion: 1, data: { cents: 250 }, metadata: { correlationId: 'old', actor: 'old' } }], 0n);
      const loaded = await handler.load('tally-t');
      expect(loaded.state.total).toBe(2.5);
      expect(loaded.events[1]).toMatchObject({ schemaVersion: 2, data: { amount: 2.5 } });
    });

    test('an event type without a registered version is a programming error, not a silent version 1', () => {
      expect(() => new EventSchemas<TallyEvent>({ opened: 1, added: 1 }).versionOf('closed')).toThrow("Event type 'closed' has no schema version registered");
    });
  });
});
