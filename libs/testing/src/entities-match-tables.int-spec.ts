import pg from 'pg';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { freshDatabase } from '../../../test/support/fresh-database.js';
import { entityDrift } from './entities-match-tables.js';

@Entity({ schema: 'drift', name: 'notes' })
class Note {
  @PrimaryColumn('uuid', { name: 'note_id' })
  noteId!: string;
  @Column('text', { array: true })
  tags!: string[];
  @Column('timestamptz', { name: 'read_at', nullable: true })
  readAt!: Date | null;
}

@Entity({ schema: 'drift', name: 'notes' })
class DriftedNote {
  @PrimaryColumn('uuid', { name: 'note_id' })
  noteId!: string;
  @Column('int')
  tags!: number;
  @Column('text')
  body!: string;
}

@Entity({ schema: 'drift', name: 'gone' })
class Gone {
  @PrimaryColumn('uuid')
  id!: string;
}

describe('entities against the tables', () => {
  let pool: pg.Pool;
  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: await freshDatabase('drift'), max: 2 });
    await pool.query('CREATE SCHEMA drift; CREATE TABLE drift.notes (note_id uuid PRIMARY KEY, tags text[] NOT NULL, read_at timestamptz, CHECK (cardinality(tags) < 9))');
    await pool.query('CREATE INDEX ON drift.notes (read_at)');
  });
  afterAll(() => pool.end());

  test('an entity that says what the table holds shows no drift, whatever the indexes and constraints', async () => {
    expect(await entityDrift(pool, [Note])).toEqual([]);
  });

  test('names each difference: type, a column on one side only, a missing table', async () => {
    expect((await entityDrift(pool, [DriftedNote, Gone])).sort()).toEqual([
      'drift.gone: no such table',
      'drift.notes: the entity has body text not null, the table does not',
      'drift.notes: the entity has tags integer not null, the table does not',
      'drift.notes: the table has read_at timestamp with time zone, the entity does not',
      'drift.notes: the table has tags text[] not null, the entity does not',
    ]);
  });
});
