import { Logger } from '@nestjs/common';
import pg from 'pg';
import { reportIdleErrors } from '../../../postgres/src/idle-errors.js';

export const PG_POOL = Symbol('PG_POOL');

export function createPool(applicationName: string, connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, application_name: applicationName });
  reportIdleErrors(pool, (message) => new Logger('PgPool').warn(message));
  return pool;
}
