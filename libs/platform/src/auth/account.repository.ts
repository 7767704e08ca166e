import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL } from '../database/pg-pool.js';
import type { Role } from './roles.js';

export interface Account {
  readonly id: string;
  readonly username: string;
  readonly passwordHash: string;
  readonly roles: readonly Role[];
  readonly landlordId: string | null;
}

interface AccountRow {
  id: string;
  username: string;
  password_hash: string;
  roles: Role[];
  landlord_id: string | null;
}

/** platform.accounts: the staff, analyst and admin users who sign in with a password. */
@Injectable()
export class AccountRepository {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async findByUsername(username: string): Promise<Account | undefined> {
    const { rows } = await this.pool.query<AccountRow>('SELECT id, username, password_hash, roles, landlord_id FROM platform.accounts WHERE username = $1', [username]);
    const row = rows[0];
    return row && { id: row.id, username: row.username, passwordHash: row.password_hash, roles: row.roles, landlordId: row.landlord_id };
  }

  /** Creates the account or brings its hash and roles up to date; unchanged rows are not rewritten. */
  async upsert(account: Pick<Account, 'username' | 'passwordHash' | 'roles'>): Promise<void> {
    await this.pool.query(
      `INSERT INTO platform.accounts (username, password_hash, roles) VALUES ($1, $2, $3)
       ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, roles = EXCLUDED.roles, updated_at = now()
       WHERE (accounts.password_hash, accounts.roles) IS DISTINCT FROM (EXCLUDED.password_hash, EXCLUDED.roles)`,
      [account.username, account.passwordHash, account.roles],
    );
  }
}
