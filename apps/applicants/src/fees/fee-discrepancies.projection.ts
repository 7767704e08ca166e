import type { Tx } from '@bostadsko/bus';
import type { RecordedEvent } from '@bostadsko/event-store';
import type { Projection } from '@bostadsko/projections';
import { FEE_ACCOUNT_PREFIX, type FeeAccountEvent } from './fee-account.events.js';
import type { PaymentFileProcessed, UnmatchedPaymentRecorded } from './payment.events.js';

interface Row {
  id: string;
  kind: 'discrepancy' | 'unmatched' | 'invalid-line';
  reason: string;
  applicantId?: string | null;
  noticeId?: string | null;
  reference?: string | null;
  amountOre?: number | null;
  /** The part of the amount the reason is about: not applied, excess, or still outstanding. */
  discrepancyOre?: number | null;
  paidOn?: string | null;
  bankReference?: string | null;
  fileId?: string | null;
  detail?: unknown;
}

/**
 * Money staff must look at: payments not applied or not as expected, payments
 * matching no notice, payments dated after the deadline of an account that lapsed,
 * and bank-file lines that could not be read. Rows are never updated: each is one
 * fact, keyed by the payment (or file line), so replays insert nothing new.
 */
export const feeDiscrepanciesProjection: Projection<RecordedEvent> = {
  name: 'fee-discrepancies',
  table: 'applicants.fee_discrepancies',

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (
      id text PRIMARY KEY,
      kind text NOT NULL,
      reason text NOT NULL,
      applicant_id uuid,
      notice_id text,
      reference text,
      amount_ore bigint,
      discrepancy_ore bigint,
      paid_on date,
      bank_reference text,
      file_id text,
      detail jsonb,
      recorded_at timestamptz NOT NULL
    );
    CREATE INDEX ON ${table} (recorded_at)`);
  },

  async apply(tx: Tx, table: string, events: readonly RecordedEvent[]) {
    for (const event of events) {
      for (const row of rowsOf(event)) {
        await tx.query(
          `INSERT INTO ${table} (id, kind, reason, applicant_id, notice_id, reference, amount_ore, discrepancy_ore, paid_on, bank_reference, file_id, detail, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (id) DO NOTHING`,
          [
            row.id,
            row.kind,
            row.reason,
            row.applicantId ?? null,
            row.noticeId ?? null,
            row.reference ?? null,
            row.amountOre ?? null,
            row.discrepancyOre ?? null,
            row.paidOn ?? null,
            row.bankReference ?? null,
            row.fileId ?? null,
            row.detail === undefined ? null : JSON.stringify(row.detail),
            event.recordedAt,
          ],
        );
      }
    }
  },
};

function rowsOf(event: RecordedEvent): Row[] {
  const domain = event as unknown as FeeAccountEvent | UnmatchedPaymentRecorded | PaymentFileProcessed;
  const applicantId = event.streamId.startsWith(FEE_ACCOUNT_PREFIX) ? event.streamId.slice(FEE_ACCOUNT_PREFIX.length) : null;
  switch (domain.type) {
    case 'fee-payment-received': {
      const p = domain.data;
      if (!p.discrepancy) return [];
      return [{ ...common(p), id: p.paymentId, kind: 'discrepancy', reason: p.discrepancy.reason, applicantId, noticeId: p.noticeId, discrepancyOre: p.discrepancy.ore }];
    }
    case 'fee-account-lapsed':
      return domain.data.latePayments.map((late) => ({
        id: `${late.paymentId}:after-deadline`,
        kind: 'discrepancy',
        reason: 'paid-after-deadline',
        applicantId,
        noticeId: domain.data.noticeId,
        amountOre: late.appliedOre,
        discrepancyOre: late.appliedOre,
        paidOn: late.paidOn,
      }));
    case 'unmatched-payment-recorded':
      return [{ ...common(domain.data), id: domain.data.paymentId, kind: 'unmatched', reason: domain.data.reason, discrepancyOre: domain.data.amountOre }];
    case 'payment-file-processed':
      return domain.data.lines
        .filter((line) => line.outcome === 'invalid')
        .map((line) => ({
          id: `file:${domain.data.fileId}:${line.line}`,
          kind: 'invalid-line',
          reason: 'unreadable-line',
          fileId: domain.data.fileId,
          detail: { line: line.line, text: line.text, messages: line.messages },
        }));
    default:
      return [];
  }
}

function common(p: { reference: string; amountOre: number; paidOn: string; bankReference: string | null; fileId: string | null }) {
  return { reference: p.reference, amountOre: p.amountOre, paidOn: p.paidOn, bankReference: p.bankReference, fileId: p.fileId };
}
