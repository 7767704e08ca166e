import type { Migration } from '@bostadsko/postgres';

/**
 * `position` alone can commit out of order (a bigserial is taken before commit),
 * so the log is ordered by the writing transaction's xid8 and readers stop below
 * the oldest transaction still running: nothing committed late is ever skipped.
 */
export const EVENT_STORE_MIGRATIONS: readonly Migration[] = [
  {
    id: 'event-store/001-events',
    sql: `
      CREATE SCHEMA IF NOT EXISTS es;
      CREATE TABLE es.events (
        position bigserial PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        stream_id text NOT NULL,
        revision bigint NOT NULL,
        event_id uuid NOT NULL,
        type text NOT NULL,
        schema_version int NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_stream_revision UNIQUE (stream_id, revision),
        CONSTRAINT events_event_id UNIQUE (event_id)
      );
      CREATE INDEX events_global_order ON es.events (transaction_id, position);`,
  },
];
