import type { Migration } from '@bostadsko/postgres';

/** Each app keeps the staff reads of its own data in its own database (0005); the reason is sealed under the person's key. */
export const ACCESS_LOG_MIGRATIONS: readonly Migration[] = [
  {
    id: 'access-log/001-reads',
    sql: `
      CREATE SCHEMA IF NOT EXISTS access_log;
      CREATE TABLE access_log.reads (
        id bigserial PRIMARY KEY,
        subject_id uuid NOT NULL,
        read_at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        roles text[] NOT NULL,
        action text NOT NULL,
        reason jsonb
      );
      CREATE INDEX ON access_log.reads (subject_id, read_at);`,
  },
];
