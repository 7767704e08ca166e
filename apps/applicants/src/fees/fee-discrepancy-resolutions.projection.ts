import type { Tx } from '@bostadsko/bus';
import type { RecordedEvent } from '@bostadsko/event-store';
import type { Projection } from '@bostadsko/projections';
import type { FeeDiscrepancyEvent } from './fee-discrepancy.events.js';

/**
 * How each discrepancy was resolved, beside the discrepancies themselves (a table of its own,
 * so the list's rows stay one fact each): the list leaves out the resolved ones, and a seeker's
 * fee history shows those about the seeker, by the account paid for or the one matched to.
 */
export const feeDiscrepancyResolutionsProjection: Projection<RecordedEvent> = {
  name: 'fee-discrepancy-resolutions',
  table: 'applicants.fee_discrepancy_resolutions',

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (
      discrepancy_id text PRIMARY KEY,
      resolution text NOT NULL,
      note text NOT NULL,
      resolved_by text NOT NULL,
      resolved_on date NOT NULL,
      applicant_id uuid,
      match_reference text,
      match_applicant_id uuid,
      match_payment_id text,
      recorded_at timestamptz NOT NULL
    );
    CREATE INDEX ON ${table} (applicant_id);
    CREATE INDEX ON ${table} (match_applicant_id)`);
  },

  async apply(tx: Tx, table: string, events: readonly RecordedEvent[]) {
    for (const event of events) {
      const domain = event as unknown as FeeDiscrepancyEvent;
      if (domain.type !== 'fee-discrepancy-resolved') continue;
      const d = domain.data;
      await tx.query(
        `INSERT INTO ${table} (discrepancy_id, resolution, note, resolved_by, resolved_on, applicant_id, match_reference, match_applicant_id, match_payment_id, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (discrepancy_id) DO NOTHING`,
        [d.discrepancyId, d.resolution, d.note, d.resolvedBy, d.resolvedOn, d.applicantId, d.match?.reference ?? null, d.match?.applicantId ?? null, d.match?.paymentId ?? null, event.recordedAt],
      );
    }
  },
};
