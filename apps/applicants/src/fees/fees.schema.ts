import type { Migration } from '@bostadsko/postgres';

/** Write-side tables of the fees: not read models, so a projection rebuild never touches them. */
export const FEE_SCHEMA_MIGRATIONS: readonly Migration[] = [
  {
    id: 'applicants/fees-001-reference-numbers',
    // OCR references are made from this; gaps are harmless, reuse would not be. Six digits and up, so
    // a reference is never confused with a short typo.
    sql: `CREATE SCHEMA IF NOT EXISTS applicants;
      CREATE SEQUENCE applicants.fee_reference_seq START WITH 100001;`,
  },
  {
    id: 'applicants/fees-002-job-progress',
    sql: `CREATE TABLE applicants.fee_job_progress (
        job text PRIMARY KEY,
        last_completed_day date NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );`,
  },
];
