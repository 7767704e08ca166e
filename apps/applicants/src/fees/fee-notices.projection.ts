import type { Tx } from '@bostadsko/bus';
import type { RecordedEvent } from '@bostadsko/event-store';
import type { Projection } from '@bostadsko/projections';
import type { FeeAccountEvent } from './fee-account.events.js';

/**
 * Every fee notice by OCR reference: how a payment finds its account, and how the
 * daily job finds notices still unpaid after their due date, or reinstated. Rows are guarded by
 * the fee account's stream revision, so replays change nothing.
 */
export const feeNoticesProjection: Projection<RecordedEvent> = {
  name: 'fee-notices',
  table: 'applicants.fee_notices',

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (
      reference text PRIMARY KEY,
      notice_id text NOT NULL UNIQUE,
      applicant_id uuid NOT NULL,
      year int NOT NULL,
      issued_on date NOT NULL,
      due_date date NOT NULL,
      amount_ore bigint NOT NULL,
      paid_ore bigint NOT NULL DEFAULT 0,
      paid_on date,
      status text NOT NULL,
      revision bigint NOT NULL
    );
    CREATE INDEX ON ${table} (applicant_id);
    CREATE INDEX ON ${table} (due_date) WHERE status <> 'paid' OR paid_on > due_date`);
  },

  async apply(tx: Tx, table: string, events: readonly RecordedEvent[]) {
    for (const event of events) {
      const domain = event as unknown as RecordedEvent & FeeAccountEvent;
      const revision = event.revision.toString();
      switch (domain.type) {
        case 'fee-notice-issued': {
          const { reference, noticeId, applicantId, year, issuedOn, dueDate, amountOre } = domain.data;
          await tx.query(
            `INSERT INTO ${table} (reference, notice_id, applicant_id, year, issued_on, due_date, amount_ore, status, revision)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8) ON CONFLICT (reference) DO NOTHING`,
            [reference, noticeId, applicantId, year, issuedOn, dueDate, amountOre, revision],
          );
          break;
        }
        case 'fee-payment-received':
          if (domain.data.appliedOre === 0) break;
          await tx.query(`UPDATE ${table} SET paid_ore = paid_ore + $2, revision = $3 WHERE notice_id = $1 AND revision < $3`, [domain.data.noticeId, domain.data.appliedOre, revision]);
          break;
        case 'fee-notice-paid':
          await tx.query(`UPDATE ${table} SET status = 'paid', paid_on = $2, revision = $3 WHERE notice_id = $1 AND revision < $3`, [domain.data.noticeId, domain.data.paidOn, revision]);
          break;
        case 'fee-account-lapsed':
          await tx.query(`UPDATE ${table} SET status = 'lapsed', revision = $2 WHERE notice_id = $1 AND revision < $2`, [domain.data.noticeId, revision]);
          break;
        case 'fee-account-lapse-reversed':
          // Paid in time after a lapse: the fee job finds it here should the applicant's reversal not have been written.
          await tx.query(`UPDATE ${table} SET status = 'reinstated', revision = $2 WHERE notice_id = $1 AND revision < $2`, [domain.data.noticeId, revision]);
          break;
      }
    }
  },
};
