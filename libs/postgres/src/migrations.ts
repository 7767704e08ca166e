import type pg from 'pg';
import { MigrationExecutor, type MigrationInterface, type QueryRunner } from 'typeorm';
import { dataSourceOn } from './data-source.js';

export interface Migration {
  /** Unique and stable forever: `<owner>/<nnn>-<what>`. */
  readonly id: string;
  readonly sql: string;
}

const LOCK_KEY = 7_340_001;
const TABLE = 'platform.typeorm_migrations';
/** What the hand-written runner recorded before TypeORM ran the migrations; read to carry it over, never written. */
const FORMER_TABLE = 'platform.schema_migrations';

/**
 * TypeORM orders migrations by the 13-digit number that ends their name and knows
 * them by the whole name, so the name must be a function of the id alone: the id's
 * own ordinal (`nnn`). Ties keep the order they are given in (the sort is stable),
 * so one owner's migrations run in their array's order, and across owners all the
 * first migrations come before the seconds.
 */
export function typeormName(id: string): string {
  const ordinal = /\d+/.exec(id)?.[0];
  if (!ordinal || Number(ordinal) === 0) throw new Error(`Migration id ${id} has no ordinal: ids are <owner>/<nnn>-<what>`);
  return `${id}.${ordinal.padStart(13, '0')}`;
}

/** A class per entry: TypeORM instantiates the migrations it is given. */
function asTypeorm(migration: Migration): new () => MigrationInterface {
  return class implements MigrationInterface {
    readonly name = typeormName(migration.id);

    async up(runner: QueryRunner): Promise<void> {
      try {
        await runner.query(migration.sql);
      } catch (error) {
        throw new Error(`Migration ${migration.id} failed: ${(error as Error).message}`, { cause: error });
      }
    }

    down(): Promise<void> {
      return Promise.reject(new Error(`Migration ${migration.id} is not reversible: a later migration undoes it`));
    }
  };
}

/** Records as applied, without running them, the migrations the hand-written runner had applied to this database. */
async function carryOver(runner: QueryRunner, migrations: readonly Migration[]): Promise<void> {
  const [{ former }] = (await runner.query(`SELECT to_regclass('${FORMER_TABLE}') IS NOT NULL AS former`)) as [{ former: boolean }];
  if (!former) return;
  const names = migrations.map((m) => typeormName(m.id));
  await runner.query(
    `INSERT INTO ${TABLE} ("timestamp", name)
     SELECT right(name, 13)::bigint, name FROM unnest($1::text[]) AS name
     WHERE left(name, -14) IN (SELECT id FROM ${FORMER_TABLE}) AND name NOT IN (SELECT name FROM ${TABLE})`,
    [names],
  );
}

/**
 * Applies, through TypeORM, the migrations not yet recorded, each in its own
 * transaction. An advisory lock, held by the connection that runs them, lets
 * several apps start at once against one database.
 */
export async function migrate(pool: pg.Pool, migrations: readonly Migration[]): Promise<string[]> {
  const source = await dataSourceOn(pool, { migrations: migrations.map(asTypeorm), migrationsTableName: TABLE });
  const runner = source.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await runner.query('CREATE SCHEMA IF NOT EXISTS platform');
    const executor = new MigrationExecutor(source, runner);
    executor.transaction = 'each';
    await executor.showMigrations();
    await carryOver(runner, migrations);
    const applied = await executor.executePendingMigrations();
    return applied.map((m) => m.name.slice(0, -14));
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
