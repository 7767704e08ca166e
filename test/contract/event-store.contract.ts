import { randomUUID } from 'node:crypto';
import { comparePositions, START, VersionConflictError, type EventStore, type NewEvent, type RecordedEvent } from '@bostadsko/event-store';

export interface EventStoreFixture {
  readonly store: EventStore;
  /**
   * Starts an append whose transaction stays open until `commit`, so that later
   * appends commit first. Only adapters with client-visible transactions have it.
   */
  readonly appendHeld?: (streamId: string, events: NewEvent[]) => Promise<{ commit(): Promise<void> }>;
  dispose(): Promise<void>;
}

export const newEvent = (type = 'thing-happened', data: unknown = { n: 1 }): NewEvent => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  data,
  metadata: { correlationId: randomUUID(), causationId: null, actor: 'contract-test' },
});

const stream = (name = 'thing') => `${name}-${randomUUID()}`;

async function collectUntil(store: EventStore, count: number, from = START): Promise<RecordedEvent[]> {
  const seen: RecordedEvent[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`subscription saw ${seen.length} of ${count}`)), 30_000);
    const subscription = store.subscribeToAll({ from, batchSize: 50 }, async (events) => {
      seen.push(...events);
      if (seen.length >= count) {
        clearTimeout(timer);
        void subscription.stop().then(resolve);
      }
    });
    subscription.done.catch(reject);
  });
  return seen;
}

function expectStrictlyOrdered(events: RecordedEvent[]): void {
  for (let i = 1; i < events.length; i++) expect(comparePositions(events[i - 1].position, events[i].position)).toBe(-1);
}

export function eventStoreContract(name: string, create: () => Promise<EventStoreFixture>): void {
  describe(`EventStore contract: ${name}`, () => {
    let fixture: EventStoreFixture;
    let store: EventStore;
    beforeEach(async () => {
      fixture = await create();
      store = fixture.store;
    });
    afterEach(() => fixture.dispose());

    test('appends to a new stream and reads it back with revisions, metadata and positions', async () => {
      const id = stream();
      const events = [newEvent('a', { x: 'å' }), newEvent('b', { y: [1, 2] })];
      const result = await store.append(id, events, 'no_stream');
      expect(result.nextExpectedRevision).toBe(1n);
      const read = await store.readStream(id);
      expect(read.map((e) => [e.id, e.type, e.revision, e.data, e.schemaVersion])).toEqual([
        [events[0].id, 'a', 0n, { x: 'å' }, 1],
        [events[1].id, 'b', 1n, { y: [1, 2] }, 1],
      ]);
      expect(read[0].metadata).toMatchObject(events[0].metadata);
      expect(read[1].recordedAt).toBeInstanceOf(Date);
      expect(comparePositions(read[1].position, result.position)).toBe(0);
    });

    test('a missing stream reads as empty', async () => {
      expect(await store.readStream(stream())).toEqual([]);
    });

    test('expected revision: no_stream, exact, stream_exists and any', async () => {
      const id = stream();
      await expect(store.append(id, [newEvent()], 'stream_exists')).rejects.toBeInstanceOf(VersionConflictError);
      await store.append(id, [newEvent()], 'no_stream');
      await expect(store.append(id, [newEvent()], 'no_stream')).rejects.toBeInstanceOf(VersionConflictError);
      await expect(store.append(id, [newEvent()], 5n)).rejects.toBeInstanceOf(VersionConflictError);
      expect((await store.append(id, [newEvent()], 0n)).nextExpectedRevision).toBe(1n);
      await expect(store.append(id, [newEvent()], 0n)).rejects.toBeInstanceOf(VersionConflictError);
      expect((await store.append(id, [newEvent()], 'stream_exists')).nextExpectedRevision).toBe(2n);
      expect((await store.append(id, [newEvent()], 'any')).nextExpectedRevision).toBe(3n);
      expect((await store.append(stream(), [newEvent()], 'any')).nextExpectedRevision).toBe(0n);
      expect(await store.readStream(id)).toHaveLength(4);
    });

    test('a version conflict says what the stream is at', async () => {
      const id = stream();
      await store.append(id, [newEvent(), newEvent()], 'no_stream');
      const error = await store.append(id, [newEvent()], 0n).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VersionConflictError);
      expect((error as VersionConflictError).actual).toBe(1n);
    });

    test('appending the same event ids again is idempotent', async () => {
      const id = stream();
      const events = [newEvent(), newEvent()];
      const first = await store.append(id, events, 'no_stream');
      const again = await store.append(id, events, 'no_stream');
      expect(again.nextExpectedRevision).toBe(first.nextExpectedRevision);
      expect(await store.readStream(id)).toHaveLength(2);
    });

    test('racing writers with the same expected revision: exactly one wins', async () => {
      const id = stream();
      await store.append(id, [newEvent()], 'no_stream');
      const results = await Promise.allSettled(Array.from({ length: 8 }, () => store.append(id, [newEvent()], 0n)));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results.filter((r) => r.status === 'rejected')) {
        expect((r as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflictError);
      }
      expect(await store.readStream(id)).toHaveLength(2);
    });

    test('appendEach: every stream lands, in order, with its own expectation', async () => {
      const [fresh, existing] = [stream(), stream()];
      await store.append(existing, [newEvent()], 'no_stream');
      const results = await store.appendEach([
        { streamId: fresh, events: [newEvent('a'), newEvent('b')], expected: 'no_stream' },
        { streamId: existing, events: [newEvent('c')], expected: 0n },
      ]);
      expect(results.map((r) => (r instanceof VersionConflictError ? r : r.nextExpectedRevision))).toEqual([1n, 1n]);
      const streams = await store.readStreams([fresh, existing, stream()]);
      expect([...streams.values()].map((events) => events.map((e) => e.type))).toEqual([['a', 'b'], [expect.any(String), 'c'], []]);
      const [a, b] = streams.get(fresh)!;
      expect(comparePositions(a.position, b.position)).toBe(-1);
      const later = await store.readStreams([fresh, existing], new Map([[fresh, 1n]]));
      expect([...later.values()].map((events) => events.map((e) => e.type))).toEqual([['b'], [expect.any(String), 'c']]);
      expect((await store.readStreams([existing], new Map([[existing, 2n]]))).get(existing)).toEqual([]);
    });

    test('appendEach: a stale expectation conflicts in its place, the others still land', async () => {
      const [moved, missing, fine] = [stream(), stream(), stream()];
      await store.append(moved, [newEvent(), newEvent()], 'no_stream');
      const results = await store.appendEach([
        { streamId: moved, events: [newEvent()], expected: 0n },
        { streamId: missing, events: [newEvent()], expected: 3n },
        { streamId: fine, events: [newEvent()], expected: 'no_stream' },
      ]);
      expect(results[0]).toBeInstanceOf(VersionConflictError);
      expect((results[0] as VersionConflictError).actual).toBe(1n);
      expect(results[1]).toBeInstanceOf(VersionConflictError);
      expect((results[1] as VersionConflictError).actual).toBe('no_stream');
      expect(results[2]).toMatchObject({ nextExpectedRevision: 0n });
      const streams = await store.readStreams([moved, missing, fine]);
      expect([...streams.values()].map((events) => events.length)).toEqual([2, 0, 1]);
    });

    test('appendEach: a stream without its expected revision conflicts alone', async () => {
      const [missing, fine] = [stream(), stream()];
      const [conflict, landed] = await store.appendEach([
        { streamId: missing, events: [newEvent()], expected: 0n },
        { streamId: fine, events: [newEvent()], expected: 'no_stream' },
      ]);
      expect(conflict).toBeInstanceOf(VersionConflictError);
      expect(landed).toMatchObject({ nextExpectedRevision: 0n });
      expect(await store.readStream(missing)).toHaveLength(0);
    });

    test('appendEach: the same events again are answered as the first time', async () => {
      const id = stream();
      const events = [newEvent()];
      const [first] = await store.appendEach([{ streamId: id, events, expected: 'no_stream' }]);
      const [again] = await store.appendEach([{ streamId: id, events, expected: 'no_stream' }]);
      expect(again).toEqual(first);
      expect(await store.readStream(id)).toHaveLength(1);
    });

    test('reads all from a global position, exclusive, in order, with a limit', async () => {
      const id = stream();
      await store.append(id, [newEvent(), newEvent(), newEvent()], 'no_stream');
      const mine = (await store.readAll({ limit: 100_000 })).filter((e) => e.streamId === id);
      expect(mine.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
      const after = await store.readAll({ after: mine[0].position, limit: 100_000 });
      expect(after.filter((e) => e.streamId === id).map((e) => e.revision)).toEqual([1n, 2n]);
      expect(await store.readAll({ after: mine[0].position, limit: 1 })).toHaveLength(1);
      expectStrictlyOrdered(await store.readAll({ limit: 100_000 }));
    });

    test('a catch-up subscription delivers history after its checkpoint, then live events', async () => {
      const id = stream();
      await store.append(id, [newEvent('old'), newEvent('checkpointed')], 'no_stream');
      const [, checkpoint] = (await store.readAll({ limit: 100_000 })).filter((e) => e.streamId === id);
      await store.append(id, [newEvent('history')], 'any');
      const seen = collectUntil(store, 2, checkpoint.position);
      await store.append(id, [newEvent('live')], 'any');
      const events = (await seen).filter((e) => e.streamId === id);
      expect(events.map((e) => e.type)).toEqual(['history', 'live']);
    });

    test('a handler that throws ends the subscription with its error', async () => {
      await store.append(stream(), [newEvent()], 'no_stream');
      const subscription = store.subscribeToAll({ from: START }, async () => {
        throw new Error('handler broke');
      });
      await expect(subscription.done).rejects.toThrow('handler broke');
    });

    test('concurrent writers: a subscriber sees every event exactly once, in order', async () => {
      const writers = 8;
      const perWriter = 24;
      const before = await store.countEvents();
      const seen = collectUntil(store, before + writers * perWriter);
      const shared = stream('shared');
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          for (let i = 0; i < perWriter; i++) {
            const target = i % 2 === 0 ? shared : `writer-${w}-${randomUUID()}`;
            await store.append(target, [newEvent('written', { w, i })], 'any');
          }
        }),
      );
      const events = await seen;
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
      expect(events).toHaveLength(before + writers * perWriter);
      expectStrictlyOrdered(events);
      expect((await store.readStream(shared)).map((e) => e.revision)).toEqual(Array.from({ length: (writers * perWriter) / 2 }, (_, i) => BigInt(i)));
    });

    test('transactions committing out of position order: nothing is skipped or repeated', async () => {
      if (!fixture.appendHeld) {
        console.warn(`${name}: no client-visible transactions, out-of-order commit case not applicable`);
        return;
      }
      const rounds = 10;
      const before = await store.countEvents();
      const seen = collectUntil(store, before + rounds * 3);
      for (let round = 0; round < rounds; round++) {
        // The held append takes a lower position, then two later appends commit before it.
        const held = await fixture.appendHeld(stream('held'), [newEvent('held', { round })]);
        await store.append(stream('early'), [newEvent('early', { round })], 'no_stream');
        await new Promise((r) => setTimeout(r, 20));
        await store.append(stream('early'), [newEvent('early', { round })], 'no_stream');
        await held.commit();
      }
      const events = await seen;
      expect(events).toHaveLength(before + rounds * 3);
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
      expectStrictlyOrdered(events);
      expect(events.filter((e) => e.type === 'held')).toHaveLength(rounds);
    });
  });
}
