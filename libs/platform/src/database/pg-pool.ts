import { Logger } from '@nestjs/common';
import pg from 'pg';
import { reportConnectionErrors } from '@bostadsko/postgres';

export const PG_POOL = Symbol('PG_POOL');

export function createPool(applicationName: string, connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, application_name: applicationName });
  reportConnectionErrors(pool, (message) => new Logger('PgPool').warn(message));
  return pool;
}
