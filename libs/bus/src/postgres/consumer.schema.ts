import type { Migration } from '@bostadsko/postgres';

/**
 * Consumer-side tables, in the consumer's read-model database whatever the bus:
 * the inbox makes redelivery harmless, dead letters keep what could not be handled.
 */
export const CONSUMER_MIGRATIONS: readonly Migration[] = [
  {
    id: 'bus/001-consumer-tables',
    sql: `
      CREATE SCHEMA IF NOT EXISTS bus;
      CREATE TABLE bus.inbox (
        consumer_group text NOT NULL,
        message_id text NOT NULL,
        handled_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, message_id)
      );
      CREATE TABLE bus.dead_letters (
        id bigserial PRIMARY KEY,
        consumer_group text NOT NULL,
        message_id text NOT NULL,
        type text NOT NULL,
        key text NOT NULL,
        message jsonb NOT NULL,
        error text NOT NULL,
        attempts int NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX dead_letters_group ON bus.dead_letters (consumer_group, id);`,
  },
];
