import pg from 'pg';
import { freshDatabase } from '../../../test/support/fresh-database.js';
import { EVENT_STORE_MIGRATIONS, PostgresEventStore } from '@bostadsko/event-store';
import { migrate } from '@bostadsko/postgres';
import { DeciderHandler, withIdempotencyKey } from './index.js';
import { tally, type TallyCommand, type TallyEvent, type TallyState } from './tally.fixture.js';

const context = { correlationId: 'req-1', actor: 'user-1' };

/** The same path on the real store: races between pooled connections, metadata through jsonb, conflicts from the store's own check. */
describe('DeciderHandler on PostgreSQL', () => {
  let pool: pg.Pool;
  let handler: DeciderHandler<TallyCommand, TallyEvent, TallyState>;
  let store: PostgresEventStore;

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: await freshDatabase('command_handling'), max: 10 });
    await migrate(pool, EVENT_STORE_MIGRATIONS);
    store = new PostgresEventStore(pool, { businessNow: () => new Date('2026-05-20T08:00:00Z') });
    handler = new DeciderHandler(store, tally);
  });

  afterAll(() => pool?.end());

  test('writers racing on one stream all land, each deciding again on what the others wrote', async () => {
    await handler.handle({ type: 'open', id: 'race' }, context);
    const amounts = Array.from({ length: 6 }, (_, i) => i + 1);
    const results = await Promise.all(amounts.map((amount) => handler.handle({ type: 'add', id: 'race', amount }, { ...context, correlationId: `req-${amount}` })));
    expect(results.map((r) => r.revision).sort((a, b) => Number(a! - b!))).toEqual([1n, 2n, 3n, 4n, 5n, 6n]);
    const events = await store.readStream('tally-race');
    expect(
      events
        .slice(1)
        .map((e) => e.metadata.correlationId)
        .sort(),
    ).toEqual(amounts.map((a) => `req-${a}`).sort());
    expect(events.every((e) => e.metadata.causationId === e.metadata.correlationId && e.metadata.occurredAt === '2026-05-20T08:00:00.000Z')).toBe(true);
    expect((await handler.load('tally-race')).state.total).toBe(21);
  });

  test('If-Match racing another writer: 412, and only the other write is there', async () => {
    const { revision } = await handler.handle({ type: 'open', id: 'etag' }, context);
    const [first, second] = await Promise.allSettled([1, 2].map((amount) => handler.handle({ type: 'add', id: 'etag', amount }, { ...context, expectedRevision: revision })));
    const outcomes = [first, second].map((o) => (o.status === 'fulfilled' ? 'ok' : (o.reason as { status?: number }).status));
    expect(outcomes.sort()).toEqual([412, 'ok']);
    expect(await store.readStream('tally-etag')).toHaveLength(2);
  });

  test('the Idempotency-Key is kept in the stored metadata, and a retry after a lost answer gets the first outcome', async () => {
    const first = await withIdempotencyKey('scope key-1', () => handler.handle({ type: 'open', id: 'idem' }, context));
    // As if the process died before recording the answer: the retry runs the command again.
    const retry = await withIdempotencyKey('scope key-1', () => handler.handle({ type: 'open', id: 'idem' }, context));
    expect(retry).toEqual({ ...first, replayed: true });
    expect((await store.readStream('tally-idem')).map((e) => e.metadata.idempotencyKey)).toEqual(['scope key-1']);
  });
});
