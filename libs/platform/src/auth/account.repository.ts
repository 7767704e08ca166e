import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL } from '../database/pg-pool.js';
import type { Role } from './roles.js';

export interface Account {
  readonly id: string;
  readonly username: string;
  readonly name: string | null;
  readonly passwordHash: string;
  readonly roles: readonly Role[];
  readonly landlordId: string | null;
}

interface AccountRow {
  id: string;
  username: string;
  name: string | null;
  password_hash: string;
  roles: Role[];
  landlord_id: string | null;
}

/** platform.accounts: the staff, analyst and admin users who sign in with a password. */
@Injectable()
export class AccountRepository {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async findByUsername(username: string): Promise<Account | undefined> {
    const { rows } = await this.pool.query<AccountRow>('SELECT id, username, name, password_hash, roles, landlord_id FROM platform.accounts WHERE username = $1', [username]);
    const row = rows[0];
    return row && { id: row.id, username: row.username, name: row.name, passwordHash: row.password_hash, roles: row.roles, landlordId: row.landlord_id };
  }

  /** The back-office accounts with these ids: who a recorded `decidedBy` or `actor` was. Landlord users are not among them. */
  async staffByIds(ids: readonly string[]): Promise<Pick<Account, 'id' | 'username' | 'name' | 'roles'>[]> {
    const { rows } = await this.pool.query<AccountRow>(
      `SELECT id, username, name, roles FROM platform.accounts WHERE id::text = ANY($1::text[]) AND landlord_id IS NULL AND roles && ARRAY['staff', 'analyst', 'admin']::text[] ORDER BY username`,
      [ids],
    );
    return rows.map((row) => ({ id: row.id, username: row.username, name: row.name, roles: row.roles }));
  }

  /** Creates the account or brings its hash and roles up to date; unchanged rows are not rewritten. */
  async upsert(account: Pick<Account, 'username' | 'name' | 'passwordHash' | 'roles'>): Promise<void> {
    await this.pool.query(
      `INSERT INTO platform.accounts (username, name, password_hash, roles) VALUES ($1, $2, $3, $4)
       ON CONFLICT (username) DO UPDATE SET name = EXCLUDED.name, password_hash = EXCLUDED.password_hash, roles = EXCLUDED.roles, updated_at = now()
       WHERE (accounts.name, accounts.password_hash, accounts.roles) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.password_hash, EXCLUDED.roles)`,
      [account.username, account.name, account.passwordHash, account.roles],
    );
  }
}
