import { Logger } from '@nestjs/common';
import pg from 'pg';

export const PG_POOL = Symbol('PG_POOL');

export function createPool(applicationName: string, connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, application_name: applicationName });
  // An idle connection can drop (e.g. on a database restart); unlistened, that 'error' event would crash the process.
  pool.on('error', (error) => new Logger('PgPool').warn(`Idle PostgreSQL connection failed: ${error.message}`));
  return pool;
}
