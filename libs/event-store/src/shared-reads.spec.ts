import type { GlobalPosition, ReadAllOptions, RecordedEvent } from './event-store.port.js';
import { SharedReads } from './shared-reads.js';

const at = (n: number): GlobalPosition => ({ commit: 1n, prepare: BigInt(n) });

function event(n: number): RecordedEvent {
  return {
    id: `e${n}`,
    streamId: 's',
    revision: BigInt(n),
    position: at(n),
    type: 't',
    schemaVersion: 1,
    data: {},
    metadata: { correlationId: 'c', causationId: null, actor: 'a' },
    recordedAt: new Date(0),
  };
}

/** A log of `log` events; counts the reads that reach it. */
function logOf(log: RecordedEvent[]) {
  const reads: ReadAllOptions[] = [];
  const readAll = async (options: ReadAllOptions) => {
    reads.push(options);
    await new Promise((r) => setTimeout(r, 5));
    const after = options.after ? Number(options.after.prepare) : -1;
    return log.filter((e) => Number(e.position.prepare) > after).slice(0, options.limit);
  };
  return { reads, readAll };
}

describe('SharedReads', () => {
  it('answers subscribers asking from one position, at once or a moment later, with one read', async () => {
    const log = logOf([1, 2, 3].map(event));
    const shared = new SharedReads(log.readAll, { freshMs: 1000, minLimit: 10 });
    const [a, b] = await Promise.all([shared.read({ after: at(0), limit: 10 }), shared.read({ after: at(0), limit: 10 })]);
    const c = await shared.read({ after: at(0), limit: 2 });
    expect(a.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    expect(b).toEqual(a);
    expect(c.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(log.reads).toHaveLength(1);
  });

  it('reads again once a result is older than freshMs, or from a position it did not pass', async () => {
    const log = logOf([1, 2, 3].map(event));
    const shared = new SharedReads(log.readAll, { freshMs: 10, minLimit: 10 });
    await shared.read({ after: at(1) });
    await shared.read({ after: at(0) });
    await new Promise((r) => setTimeout(r, 30));
    await shared.read({ after: at(1) });
    expect(log.reads.map((r) => Number(r.after!.prepare))).toEqual([1, 0, 1]);
  });

  it('hands a subscriber ahead the rest of a read that passed its position, so both next read from one place', async () => {
    const log = logOf([1, 2, 3, 4].map(event));
    const shared = new SharedReads(log.readAll, { freshMs: 1000, minLimit: 10 });
    const behind = await shared.read({ after: at(0) });
    const ahead = await shared.read({ after: at(2), limit: 1 });
    expect(behind.map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(ahead.map((e) => e.id)).toEqual(['e3']);
    expect(await shared.read({ after: at(4) })).toEqual([]);
    expect(log.reads.map((r) => Number(r.after!.prepare))).toEqual([0, 4]);
  });

  it('does not hand out the rest of a read that stopped at its limit: there is more to read', async () => {
    const log = logOf([1, 2, 3, 4, 5].map(event));
    const shared = new SharedReads(log.readAll, { freshMs: 1000, minLimit: 3 });
    expect((await shared.read({ after: at(0), limit: 3 })).map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    expect((await shared.read({ after: at(1), limit: 3 })).map((e) => e.id)).toEqual(['e2', 'e3', 'e4']);
    expect(log.reads).toHaveLength(2);
  });

  it('does not hand out an empty result read before an append: the woken subscriber sees the new event', async () => {
    const events: RecordedEvent[] = [];
    const log = logOf(events);
    const shared = new SharedReads(log.readAll, { freshMs: 1000, minLimit: 10 });
    expect(await shared.read({ after: at(0) })).toEqual([]);
    events.push(event(1));
    shared.appended();
    expect((await shared.read({ after: at(0) })).map((e) => e.id)).toEqual(['e1']);
    expect(log.reads).toHaveLength(2);
  });

  it('shares a failure with those waiting on it, then lets the next subscriber read afresh', async () => {
    let fail = true;
    const log = logOf([event(1)]);
    const shared = new SharedReads(
      async (o) => {
        if (fail) {
          await new Promise((r) => setTimeout(r, 5));
          throw new Error('connection lost');
        }
        return log.readAll(o);
      },
      { freshMs: 1000, minLimit: 10 },
    );
    const both = await Promise.allSettled([shared.read({ after: at(0) }), shared.read({ after: at(0) })]);
    expect(both.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await shared.read({ after: at(0) })).toHaveLength(1);
  });
});
