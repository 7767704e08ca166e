import type pg from 'pg';
import type { Migration } from './migrations.js';

export interface Position {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** A pool or a client in a transaction. Statements are named: each connection parses and plans them once. */
type Queryable = Pick<pg.ClientBase, 'query'>;

/** numeric(20): EventStoreDB's commit positions and xid8 both reach 2^64. */
export const CHECKPOINT_MIGRATIONS: readonly Migration[] = [
  {
    id: 'platform/001-checkpoints',
    sql: `
      CREATE SCHEMA IF NOT EXISTS platform;
      CREATE TABLE platform.checkpoints (
        name text PRIMARY KEY,
        commit_position numeric(20) NOT NULL,
        prepare_position numeric(20) NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );`,
  },
];

/** `forUpdate` holds the row for the transaction, so one writer advances a checkpoint at a time. */
export async function loadCheckpoint(db: Queryable, name: string, forUpdate = false): Promise<Position | undefined> {
  const { rows } = await db.query<{ commit_position: string; prepare_position: string }>({
    name: forUpdate ? 'checkpoints.load-for-update' : 'checkpoints.load',
    text: `SELECT commit_position::text, prepare_position::text FROM platform.checkpoints WHERE name = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    values: [name],
  });
  return rows[0] ? { commit: BigInt(rows[0].commit_position), prepare: BigInt(rows[0].prepare_position) } : undefined;
}

export async function storeCheckpoint(db: Queryable, name: string, position: Position): Promise<void> {
  await db.query({
    name: 'checkpoints.store',
    text: `INSERT INTO platform.checkpoints (name, commit_position, prepare_position) VALUES ($1, $2, $3)
     ON CONFLICT (name) DO UPDATE SET commit_position = excluded.commit_position,
       prepare_position = excluded.prepare_position, updated_at = now()`,
    values: [name, position.commit.toString(), position.prepare.toString()],
  });
}
