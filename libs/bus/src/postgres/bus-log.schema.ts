import type { Migration } from '@bostadsko/postgres';

/** The single-node bus: an append-only message log, ordered like the event log. */
export const BUS_LOG_MIGRATIONS: readonly Migration[] = [
  {
    id: 'bus/002-message-log',
    sql: `
      CREATE SCHEMA IF NOT EXISTS bus;
      CREATE TABLE bus.messages (
        position bigserial PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        message_id text NOT NULL UNIQUE,
        topic text NOT NULL,
        key text NOT NULL,
        message jsonb NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX messages_log_order ON bus.messages (transaction_id, position);`,
  },
  {
    // A consumer taking over looks up the last relay progress marker of each source before its offset.
    id: 'bus/004-relay-progress',
    sql: `CREATE INDEX messages_relay_progress ON bus.messages (topic, transaction_id, position) WHERE key = 'relay-progress';`,
  },
];

/** Kept in the consumer's database, next to its read model, so both commit together. */
export const BUS_OFFSET_MIGRATIONS: readonly Migration[] = [
  {
    id: 'bus/003-consumer-offsets',
    sql: `
      CREATE SCHEMA IF NOT EXISTS bus;
      CREATE TABLE bus.consumer_offsets (
        consumer_group text PRIMARY KEY,
        transaction_id text NOT NULL,
        position bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );`,
  },
];
