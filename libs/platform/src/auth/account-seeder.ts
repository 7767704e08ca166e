import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type pg from 'pg';
import { migrate } from '@bostadsko/postgres';
import { PLATFORM_CONFIG, type PlatformConfig } from '../config/platform-config.js';
import { PG_POOL } from '../database/pg-pool.js';
import { PLATFORM_MIGRATIONS } from '../database/platform-migrations.js';
import { AccountRepository } from './account.repository.js';
import { PasswordHasher } from './password-hasher.js';

/**
 * Brings platform.accounts in line with SEED_ACCOUNTS at start. Safe to run from
 * every app at once: migrations take an advisory lock and the upsert is idempotent.
 */
@Injectable()
export class AccountSeeder implements OnModuleInit {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    @InjectPinoLogger(AccountSeeder.name) private readonly logger: PinoLogger,
  ) {}

  async onModuleInit(): Promise<void> {
    await migrate(this.pool, PLATFORM_MIGRATIONS);
    for (const seed of this.config.SEED_ACCOUNTS) {
      const existing = await this.accounts.findByUsername(seed.username);
      // argon2 salts every hash, so re-hashing an unchanged password would rewrite the row on every start.
      const unchanged = existing !== undefined && (await this.hasher.verify(existing.passwordHash, seed.password));
      const passwordHash = unchanged ? existing.passwordHash : await this.hasher.hash(seed.password);
      await this.accounts.upsert({ username: seed.username, name: seed.name, passwordHash, roles: seed.roles });
    }
    if (this.config.SEED_ACCOUNTS.length > 0) {
      this.logger.info({ usernames: this.config.SEED_ACCOUNTS.map((a) => a.username) }, 'Seeded accounts');
    }
  }
}
