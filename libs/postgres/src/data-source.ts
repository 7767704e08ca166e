import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';

type Extra = Pick<DataSourceOptions, 'entities' | 'migrations' | 'migrationsTableName'>;

/**
 * A TypeORM data source over a pool the app already has: TypeORM's query runners,
 * repositories and migrations then take their connections from the same pool as the
 * plain SQL, so there is one pool per database and the pool's owner alone ends it.
 * TypeORM builds its pool through the `driver` option's `Pool`; handing it this one
 * keeps its settings (size, application name, error reporting) as the app made them.
 */
export async function dataSourceOn(pool: pg.Pool, extra: Extra = {}): Promise<DataSource> {
  function Pool() {
    return pool;
  }
  const source = new DataSource({ type: 'postgres', driver: { ...pg, Pool }, ...extra, installExtensions: false, logging: false });
  const listening = new Set(pool.listeners('error'));
  await source.initialize();
  // TypeORM listens for the pool's errors as if the pool were its own; its owner reports them already, and a listener per data source would pile up.
  for (const listener of pool.listeners('error')) if (!listening.has(listener)) pool.off('error', listener as (error: Error) => void);
  return source;
}
