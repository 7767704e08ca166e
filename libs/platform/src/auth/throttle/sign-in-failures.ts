import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type pg from 'pg';
import { migrate, type Migration } from '@bostadsko/postgres';
import { PG_POOL } from '../../database/pg-pool.js';
import type { ThrottleKind } from './throttle.rules.js';

const MIGRATIONS: readonly Migration[] = [
  {
    id: 'platform/sign-in-failures-001',
    sql: `
      CREATE SCHEMA IF NOT EXISTS platform;
      CREATE TABLE platform.sign_in_failures (
        kind text NOT NULL CHECK (kind IN ('pair', 'account', 'address')),
        -- An HMAC of the sign-in route and the account and/or address: no personnummer, e-mail or address in clear.
        key text NOT NULL,
        failures int NOT NULL,
        last_failure_at timestamptz NOT NULL,
        locked_until timestamptz NULL,
        PRIMARY KEY (kind, key)
      );`,
  },
];

export interface Counter {
  readonly kind: ThrottleKind;
  readonly key: string;
}

/**
 * Failed sign-ins counted in the app's own database, so every instance of the app
 * sees the same counts and a restart forgets nothing. Times are business time from
 * the caller (the Clock), never the database's now().
 */
@Injectable()
export class SignInFailures implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async onModuleInit(): Promise<void> {
    await migrate(this.pool, MIGRATIONS);
  }

  /** The latest lock among the counters still in force at `now`, if any. */
  async lockedUntil(counters: readonly Counter[], now: Date): Promise<Date | undefined> {
    const { rows } = await this.pool.query<{ until: Date | null }>(
      `SELECT max(locked_until) AS until FROM platform.sign_in_failures
       WHERE (kind, key) IN (SELECT * FROM unnest($1::text[], $2::text[])) AND locked_until > $3`,
      [counters.map((c) => c.kind), counters.map((c) => c.key), now],
    );
    return rows[0]?.until ?? undefined;
  }

  /**
   * Counts one failure, starting again when the last failure and lock are older than
   * the window. Atomic per counter, so racing instances never lose a failure.
   */
  async count(counter: Counter, now: Date, windowSeconds: number): Promise<number> {
    const { rows } = await this.pool.query<{ failures: number }>(
      `INSERT INTO platform.sign_in_failures AS f (kind, key, failures, last_failure_at) VALUES ($1, $2, 1, $3)
       ON CONFLICT (kind, key) DO UPDATE SET
         failures = CASE WHEN greatest(f.last_failure_at, f.locked_until) + make_interval(secs => $4) <= $3 THEN 1 ELSE f.failures + 1 END,
         locked_until = CASE WHEN greatest(f.last_failure_at, f.locked_until) + make_interval(secs => $4) <= $3 THEN NULL ELSE f.locked_until END,
         last_failure_at = $3
       RETURNING failures`,
      [counter.kind, counter.key, now, windowSeconds],
    );
    return rows[0]!.failures;
  }

  /** Locks the counter until `until`; a longer lock already set by a racing failure stays. */
  async lock(counter: Counter, until: Date): Promise<void> {
    await this.pool.query(`UPDATE platform.sign_in_failures SET locked_until = greatest(locked_until, $3) WHERE kind = $1 AND key = $2`, [counter.kind, counter.key, until]);
  }

  async forget(counters: readonly Counter[]): Promise<void> {
    await this.pool.query(`DELETE FROM platform.sign_in_failures WHERE (kind, key) IN (SELECT * FROM unnest($1::text[], $2::text[]))`, [counters.map((c) => c.kind), counters.map((c) => c.key)]);
  }
}
