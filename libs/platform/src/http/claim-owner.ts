import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PLATFORM_CONFIG, type PlatformConfig } from '../config/platform-config.js';
import { PLATFORM_OPTIONS, type PlatformOptions } from '../platform-options.js';

interface Held {
  readonly key: string;
  readonly client: pg.Client;
}

/**
 * This process as the owner of idempotency claims: a random key held as a
 * PostgreSQL session advisory lock on a connection of its own. The lock lives
 * exactly as long as that connection, so when the process dies (kill -9, a crash)
 * PostgreSQL drops it the moment the socket closes, and a retry can tell at once
 * that a claim has nobody working on it. No lease, no heartbeat, no clock.
 * A lost connection makes a new key on the next claim: the claims made under the
 * old one may then be taken over by a retry, which is what an owner that may be
 * gone needs.
 */
@Injectable()
export class ClaimOwner implements OnModuleDestroy {
  private held?: Promise<Held>;

  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
  ) {}

  /** The key claims are made under, connecting on first use: apps not sent keys hold no connection. */
  async key(): Promise<string> {
    this.held ??= this.hold();
    return (await this.held).key;
  }

  /** Whether a claim's owner still runs; a claim from before owners were recorded (null) has none. */
  async isAlive(pool: pg.Pool, owner: string | null): Promise<boolean> {
    if (owner === null) return false;
    // A transaction-level lock taken by this one statement and released when it ends: it is free only when the owner is gone.
    const { rows } = await pool.query<{ free: boolean }>('SELECT pg_try_advisory_xact_lock($1::bigint) AS free', [owner]);
    return !rows[0]!.free;
  }

  async onModuleDestroy(): Promise<void> {
    const held = await this.held?.catch(() => undefined);
    this.held = undefined;
    await held?.client.end().catch(() => undefined);
  }

  private hold(): Promise<Held> {
    const client = new pg.Client({ connectionString: this.config.DATABASE_URL, application_name: `${this.options.name} idempotency owner` });
    const key = randomBytes(8).readBigInt64BE().toString();
    const held = (async () => {
      await client.connect();
      await client.query('SELECT pg_advisory_lock($1::bigint)', [key]);
      return { key, client };
    })();
    const forget = () => {
      if (this.held === held) this.held = undefined;
    };
    // A dropped connection must not kill the process (an unhandled 'error'); it only ends this key.
    client.on('error', forget);
    client.on('end', forget);
    held.catch(() => {
      forget();
      void client.end().catch(() => undefined);
    });
    return held;
  }
}
