import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { freshDatabase } from '../../../test/support/fresh-database.js';
import { EVENT_STORE_MIGRATIONS, PostgresEventStore, type RecordedEvent, type StreamEvent } from '@bostadsko/event-store';
import { CHECKPOINT_MIGRATIONS, migrate } from '@bostadsko/postgres';
import { eventLogSource, rebuildProjection, type Projection } from './index.js';

/** Notes per stream: the row is the concatenated text of its events, so order and escaping both show. */
function notesText(events: readonly Pick<StreamEvent, 'data'>[]): string {
  return events.map((e) => (e.data as { text: string }).text).join('|');
}

const notes: Projection<RecordedEvent> = {
  name: 'notes',
  table: 'notes.by_stream',
  perStream: {
    streamPrefix: 'note-',
    columns: ['stream_id', 'text', 'revision'],
    row: (events) => [events[0].streamId, notesText(events), events[events.length - 1].revision],
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

const note = (text: string) => ({ id: randomUUID(), type: 'noted', schemaVersion: 1, data: { text }, metadata: { correlationId: randomUUID() } });

describe('rebuilding a per-stream projection', () => {
  let pool: pg.Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: await freshDatabase('rebuild'), max: 6 });
    await migrate(pool, [...EVENT_STORE_MIGRATIONS, ...CHECKPOINT_MIGRATIONS]);
    store = new PostgresEventStore(pool);
  });
  afterAll(() => pool.end());

  test('writes one row per stream with every event in order, escapes what COPY must, skips other streams and folds the tail', async () => {
    const hostile = 'tab\there, back\\slash, new\nline, cr\r, \\N and "quotes"';
    await store.append('note-hostile', [note(hostile), note('second')], 'no_stream');
    // Enough streams that the COPY in is written in several chunks and must wait for the server.
    const many = Array.from({ length: 3000 }, (_, i) => `note-${String(i).padStart(5, '0')}`);
    for (const streamId of many) await store.append(streamId, [note(`${streamId} a`), note(`${streamId} b`)], 'no_stream');
    await store.append('other-1', [note('not a note')], 'no_stream');

    // A second connection appends while the rebuild runs: those events are the tail after the head.
    const source = eventLogSource(store);
    const tail = store.append('note-hostile', [note('after the head')], 'any');
    const result = await rebuildProjection(pool, notes, source, { checkpoint: 'notes' });
    await tail;
    const late = await rebuildProjection(pool, notes, source, { checkpoint: 'notes' });

    const { rows } = await pool.query<{ stream_id: string; text: string; revision: string }>('SELECT * FROM notes.by_stream ORDER BY stream_id');
    expect(rows).toHaveLength(many.length + 1);
    expect(rows.find((r) => r.stream_id === 'note-hostile')).toEqual({ stream_id: 'note-hostile', text: `${hostile}|second|after the head`, revision: '2' });
    expect(rows.find((r) => r.stream_id === 'note-01234')?.text).toBe('note-01234 a|note-01234 b');
    expect(rows.some((r) => r.stream_id.startsWith('other-'))).toBe(false);
    // Events read: the notes' 6,003; the other stream is not read at all.
    expect(result.events).toBeGreaterThanOrEqual(6002);
    expect(late.events).toBe(6003);
    const checkpoint = await pool.query<{ name: string }>(`SELECT name FROM platform.checkpoints WHERE name = 'notes'`);
    expect(checkpoint.rows).toHaveLength(1);
  });
});
