import pg from 'pg';
import { freshDatabase } from '../../../test/support/fresh-database.js';
import { migrate, typeormName, type Migration } from './migrations.js';

const notes: Migration = { id: 'notes/001-table', sql: 'CREATE SCHEMA notes; CREATE TABLE notes.note (id int PRIMARY KEY)' };
const tags: Migration = { id: 'notes/002-tags', sql: 'CREATE TABLE notes.tag (note int NOT NULL REFERENCES notes.note)' };
const tally: Migration = { id: 'tally/001-table', sql: 'CREATE TABLE notes.tally (n int NOT NULL); INSERT INTO notes.tally VALUES (1)' };

const tables = async (pool: pg.Pool) =>
  (await pool.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'notes' ORDER BY 1")).rows.map((r) => r.name);

describe('migrations through TypeORM', () => {
  let pool: pg.Pool;
  beforeEach(async () => {
    pool = new pg.Pool({ connectionString: await freshDatabase('migrations'), max: 1 });
  });
  afterEach(() => pool.end());

  test('applies what is new, once, on the one connection a small pool has, and records it by a name TypeORM orders by', async () => {
    expect(await migrate(pool, [notes])).toEqual(['notes/001-table']);
    expect(await migrate(pool, [notes, tags])).toEqual(['notes/002-tags']);
    expect(await migrate(pool, [notes, tags])).toEqual([]);
    expect(await tables(pool)).toEqual(['note', 'tag']);
    const { rows } = await pool.query<{ name: string; timestamp: string }>('SELECT name, "timestamp" FROM platform.typeorm_migrations ORDER BY id');
    expect(rows).toEqual([
      { name: 'notes/001-table.0000000000001', timestamp: '1' },
      { name: 'notes/002-tags.0000000000002', timestamp: '2' },
    ]);
  });

  test('carries over what the hand-written runner recorded: a database from an earlier start is not migrated again', async () => {
    // What the former runner left: the migration's effect and its id in platform.schema_migrations.
    await pool.query(`CREATE SCHEMA platform; CREATE TABLE platform.schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    await pool.query(notes.sql);
    await pool.query('INSERT INTO platform.schema_migrations (id) VALUES ($1)', [notes.id]);

    expect(await migrate(pool, [notes, tags])).toEqual(['notes/002-tags']);
    expect(await migrate(pool, [notes, tags])).toEqual([]);
    expect(await tables(pool)).toEqual(['note', 'tag']);
  });

  test('a failing migration names itself and leaves neither its effect nor its record', async () => {
    const broken: Migration = { id: 'notes/003-broken', sql: 'CREATE TABLE notes.half (n int); SELECT no_such_column FROM notes.note' };
    await expect(migrate(pool, [notes, broken])).rejects.toThrow(/Migration notes\/003-broken failed: column "no_such_column" does not exist/);
    expect(await tables(pool)).toEqual(['note']);
    expect(await migrate(pool, [notes, tags])).toEqual(['notes/002-tags']);
  });

  test('orders by the ordinal in the id; an id without one is refused before anything runs', async () => {
    expect(await migrate(pool, [tags, notes])).toEqual(['notes/001-table', 'notes/002-tags']);
    expect(() => typeormName('notes/table')).toThrow(/has no ordinal/);
  });
});

describe('five apps starting together against one database', () => {
  test('each migration runs once: the advisory lock serialises the runners', async () => {
    const url = await freshDatabase('migrations-together');
    const pools = Array.from({ length: 5 }, () => new pg.Pool({ connectionString: url, max: 2 }));
    try {
      const applied = await Promise.all(pools.map((p) => migrate(p, [notes, tags, tally])));
      expect(applied.flat().sort()).toEqual(['notes/001-table', 'notes/002-tags', 'tally/001-table']);
      expect((await pools[0].query('SELECT count(*)::int AS n FROM notes.tally')).rows).toEqual([{ n: 1 }]);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });
});
