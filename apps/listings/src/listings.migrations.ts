import type { Migration } from '@bostadsko/postgres';

export const LISTINGS_MIGRATIONS: readonly Migration[] = [
  {
    id: 'listings/001-lottery-seeds',
    // The seed stays out of the log until the draw: the listing publishes only its SHA-256.
    sql: `CREATE SCHEMA IF NOT EXISTS listings;
      CREATE TABLE listings.lottery_seeds (listing_id uuid PRIMARY KEY, seed text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());`,
  },
];
