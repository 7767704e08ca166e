import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { comparePositions, EventStoreUnavailableError, START, VersionConflictError, type EventStore, type NewEvent, type RecordedEvent } from '@bostadsko/event-store';
import { eventLogSource, rebuildProjection, type Projection } from '@bostadsko/projections';
import { eventually } from '../support/eventually.js';
import { freshDatabase } from '../support/fresh-database.js';

export interface EventStoreFixture {
  readonly store: EventStore;
  /**
   * Starts an append whose transaction stays open until `commit`, so that later
   * appends commit first. Only adapters with client-visible transactions have it.
   */
  readonly appendHeld?: (streamId: string, events: NewEvent[]) => Promise<{ commit(): Promise<void> }>;
  /** Makes the store's server unreachable and reachable again, where the fixture has a way to. */
  readonly outage?: StoreOutage;
  /** A second store on the same log, for what must still happen after `store.close()`. */
  readonly reopen: () => EventStore;
  dispose(): Promise<void>;
}

export interface StoreOutage {
  stop(): Promise<void>;
  start(): Promise<void>;
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

/** For each case an adapter or its fixture cannot run, why: the case is then skipped with that reason in its title, not passed. */
export interface Unsupported {
  /** Appends that a client holds open while later ones commit (PostgreSQL transactions). */
  readonly heldAppends?: string;
  /** Stopping and starting the store's server (`EventStoreFixture.outage`). */
  readonly outage?: string;
}

/** One row per note stream: its events' texts joined in order, and its last revision. */
const notes: Projection<RecordedEvent> = {
  name: 'contract-notes',
  table: 'contract.notes',
  perStream: {
    streamPrefix: 'note-',
    columns: ['stream_id', 'text', 'revision'],
    row: (events) => [events[0].streamId, events.map((e) => (e.data as { text: string }).text).join('|'), events[events.length - 1].revision],
  },
  async createTable(tx, table) {
    await tx.query(`CREATE TABLE ${table} (stream_id text PRIMARY KEY, text text NOT NULL, revision bigint NOT NULL)`);
  },
  async apply(tx, table, events) {
    for (const event of events.filter((e) => e.streamId.startsWith('note-'))) {
      await tx.query(
        `INSERT INTO ${table} (stream_id, text, revision) VALUES ($1, $2, $3)
         ON CONFLICT (stream_id) DO UPDATE SET text = ${table}.text || '|' || excluded.text, revision = excluded.revision
         WHERE ${table}.revision < excluded.revision`,
        [event.streamId, (event.data as { text: string }).text, event.revision.toString()],
      );
    }
  },
};

/**
 * Cases read the log after a sentinel event they append first, never from its start,
 * so they hold on a long-lived server with a large log (EventStoreDB) as on a fresh one;
 * the rebuild alone reads from the start, as rebuilds do.
 */
export function eventStoreContract(name: string, create: () => Promise<EventStoreFixture>, unsupported: Unsupported): void {
  const runs = (reason: string | undefined) => (title: string, fn: () => Promise<void>, timeout?: number) =>
    reason === undefined ? test(title, fn, timeout) : test.skip(`${title} (skipped: ${reason})`, fn);
  describe(`EventStore contract: ${name}`, () => {
    let fixture: EventStoreFixture;
    let store: EventStore;
    beforeEach(async () => {
      fixture = await create();
      store = fixture.store;
    });
    afterEach(() => fixture.dispose());
    /** The position of a fresh event: what a case reads after. */
    const sentinel = async () => (await store.append(stream('sentinel'), [newEvent('sentinel')], 'no_stream')).position;

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
      const anchor = await sentinel();
      const id = stream();
      await store.append(id, [newEvent(), newEvent(), newEvent()], 'no_stream');
      const mine = (await store.readAll({ after: anchor, limit: 1000 })).filter((e) => e.streamId === id);
      expect(mine.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
      const after = await store.readAll({ after: mine[0].position, limit: 1000 });
      expect(after.filter((e) => e.streamId === id).map((e) => e.revision)).toEqual([1n, 2n]);
      expect(await store.readAll({ after: mine[0].position, limit: 1 })).toHaveLength(1);
      expectStrictlyOrdered(await store.readAll({ after: anchor, limit: 1000 }));
    });

    test('reads all page by page: each page after the last one, together every event once, in order', async () => {
      const anchor = await sentinel();
      const ids = Array.from({ length: 5 }, () => stream('paged'));
      for (const id of ids) await store.append(id, [newEvent(), newEvent(), newEvent()], 'no_stream');
      const pages: RecordedEvent[][] = [];
      let after = anchor;
      for (;;) {
        const page = await store.readAll({ after, limit: 4 });
        if (page.length === 0) break;
        expect(page.length).toBeLessThanOrEqual(4);
        pages.push(page);
        after = page[page.length - 1].position;
        if (pages.flat().filter((e) => ids.includes(e.streamId)).length === 15) break;
      }
      const mine = pages.flat().filter((e) => ids.includes(e.streamId));
      expect(mine).toHaveLength(15);
      expect(new Set(mine.map((e) => e.id)).size).toBe(15);
      expectStrictlyOrdered(pages.flat());
    });

    test('a catch-up subscription delivers history after its checkpoint, then live events', async () => {
      const anchor = await sentinel();
      const id = stream();
      await store.append(id, [newEvent('old'), newEvent('checkpointed')], 'no_stream');
      const [, checkpoint] = (await store.readAll({ after: anchor, limit: 1000 })).filter((e) => e.streamId === id);
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
      const anchor = await sentinel();
      const seen = collectUntil(store, writers * perWriter, anchor);
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
      expect(events).toHaveLength(writers * perWriter);
      expectStrictlyOrdered(events);
      expect((await store.readStream(shared)).map((e) => e.revision)).toEqual(Array.from({ length: (writers * perWriter) / 2 }, (_, i) => BigInt(i)));
    });

    runs(unsupported.heldAppends)('transactions committing out of position order: nothing is skipped or repeated', async () => {
      const rounds = 10;
      const anchor = await sentinel();
      const seen = collectUntil(store, rounds * 3, anchor);
      for (let round = 0; round < rounds; round++) {
        // The held append takes a lower position, then two later appends commit before it.
        const held = await fixture.appendHeld!(stream('held'), [newEvent('held', { round })]);
        await store.append(stream('early'), [newEvent('early', { round })], 'no_stream');
        await new Promise((r) => setTimeout(r, 20));
        await store.append(stream('early'), [newEvent('early', { round })], 'no_stream');
        await held.commit();
      }
      const events = await seen;
      expect(events).toHaveLength(rounds * 3);
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
      expectStrictlyOrdered(events);
      expect(events.filter((e) => e.type === 'held')).toHaveLength(rounds);
    });

    runs(unsupported.outage)(
      'a subscription keeps delivering across an outage of the store: nothing lost, nothing doubled',
      async () => {
        const anchor = await sentinel();
        const id = stream('outage');
        const seen: RecordedEvent[] = [];
        const subscription = store.subscribeToAll({ from: anchor, batchSize: 10 }, async (events) => {
          seen.push(...events.filter((e) => e.streamId === id));
        });
        const before = Array.from({ length: 5 }, (_, i) => newEvent('before', { i }));
        await store.append(id, before, 'no_stream');
        await eventually(
          async () => seen.length,
          (n) => n === before.length,
        );
        await fixture.outage!.stop();
        try {
          // The store says it is unreachable, as a command would answer 503.
          await expect(store.append(id, [newEvent('refused')], 4n)).rejects.toBeInstanceOf(EventStoreUnavailableError);
        } finally {
          await fixture.outage!.start();
        }
        // The first calls after the restart may meet a dropped connection; a retry of the same events at the same revision lands them once.
        const after = Array.from({ length: 5 }, (_, i) => newEvent('after', { i }));
        const landed = await eventually(
          () =>
            store.append(id, after, 4n).then(
              () => true,
              () => false,
            ),
          (ok) => ok,
          60_000,
        );
        expect(landed).toBe(true);
        await eventually(
          async () => seen.length,
          (n) => n >= before.length + after.length,
          60_000,
        );
        await subscription.stop();
        await expect(subscription.done).resolves.toBeUndefined();
        expect(seen.map((e) => e.id)).toEqual([...before, ...after].map((e) => e.id));
        expectStrictlyOrdered(seen);
      },
      120_000,
    );

    test('close() stops every subscription: each ends, and none hears of what is appended afterwards', async () => {
      const id = stream('closing');
      const first = await store.append(id, [newEvent('before-close')], 'no_stream');
      const heard = [0, 0];
      const subscriptions = heard.map((_, i) =>
        store.subscribeToAll({ from: first.position }, async (events) => {
          heard[i] += events.length;
        }),
      );
      await store.append(id, [newEvent('while-open')], 0n);
      await eventually(
        async () => [...heard],
        (counts) => counts.every((n) => n === 1),
      );
      await store.close();
      // Ended, not paused: a loop that would resubscribe never resolves `done`.
      await Promise.all(subscriptions.map((s) => s.done));
      const other = fixture.reopen();
      try {
        const late = await other.append(id, [newEvent('after-close')], 1n);
        // Once a live subscriber on the same log has the event, one still running would have had its chance.
        const [delivered] = await collectUntil(other, 1, (await other.readStream(id))[1].position);
        expect(comparePositions(delivered.position, late.position)).toBe(0);
      } finally {
        await other.close();
      }
      expect(heard).toEqual([1, 1]);
    });

    test('a rebuild through readAll alone gives the read model the PostgreSQL per-stream fast path gives', async () => {
      const note = (text: string) => newEvent('noted', { text });
      const ids = Array.from({ length: 6 }, () => stream('note'));
      // Round by round, so log order is not stream order; one text has what COPY must escape.
      for (let round = 0; round < 3; round++) {
        for (const [i, id] of ids.entries()) await store.append(id, [note(i === 0 && round === 1 ? 'tab\there, back\\slash, \\N' : `${id} ${round}`)], round === 0 ? 'no_stream' : BigInt(round - 1));
      }
      await store.append(stream('other'), [note('not a note')], 'no_stream');
      const texts = (id: string, i: number) => [0, 1, 2].map((round) => (i === 0 && round === 1 ? 'tab\there, back\\slash, \\N' : `${id} ${round}`)).join('|');
      const expected = ids.map((id, i) => ({ stream_id: id, text: texts(id, i), revision: '2' })).sort((a, b) => (a.stream_id < b.stream_id ? -1 : 1));
      const readModels = new pg.Pool({ connectionString: await freshDatabase('esrebuild'), max: 4 });
      try {
        const rows = async () => (await readModels.query('SELECT stream_id, text, revision::text FROM contract.notes ORDER BY stream_id COLLATE "C"')).rows;
        const { read, count } = eventLogSource(store);
        await rebuildProjection(readModels, notes, { read, count });
        expect(await rows()).toEqual(expected);
        // With the fast path where the store has one (PostgreSQL), the generic path again elsewhere.
        await rebuildProjection(readModels, notes, eventLogSource(store));
        expect(await rows()).toEqual(expected);
      } finally {
        await readModels.end();
      }
    });
  });
}
