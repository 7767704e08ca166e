import type { Migration } from '@bostadsko/postgres';
import { ROLES } from '../auth/roles.js';

export const PLATFORM_MIGRATIONS: readonly Migration[] = [
  {
    id: 'platform/001-accounts',
    sql: `
      CREATE SCHEMA IF NOT EXISTS platform;
      CREATE TABLE platform.accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE CHECK (username = lower(username)),
        password_hash text NOT NULL,
        roles text[] NOT NULL CHECK (cardinality(roles) > 0 AND roles <@ ARRAY[${ROLES.map((r) => `'${r}'`).join(', ')}]),
        landlord_id uuid NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );`,
  },
  {
    id: 'platform/002-idempotency-keys',
    sql: `
      CREATE TABLE platform.idempotency_keys (
        scope text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status int,
        body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      );`,
  },
  {
    // The claim's owner (a ClaimOwner's advisory lock key), so a retry can tell a claim whose process died.
    id: 'platform/003-idempotency-claim-owner',
    sql: 'ALTER TABLE platform.idempotency_keys ADD COLUMN owner bigint',
  },
  {
    // The name the back office shows for a staff member instead of an id (null: the username is shown).
    id: 'platform/004-account-names',
    sql: 'ALTER TABLE platform.accounts ADD COLUMN name text',
  },
];
