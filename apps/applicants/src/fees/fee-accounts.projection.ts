import type { Tx } from '@bostadsko/bus';
import type { RecordedEvent } from '@bostadsko/event-store';
import type { Projection } from '@bostadsko/projections';
import type { ApplicantEvent } from '../applicant/applicant.events.js';
import { anniversaryIn, stockholmDate } from '@bostadsko/calendar';
import type { FeeAccountEvent } from './fee-account.events.js';

/**
 * Every account with the due date of its next fee notice, so the daily job finds
 * the accounts to bill with an index range instead of reading every stream.
 * Fed by the applicant's own events (registered, deregistered and reversed, closed) and the
 * fee account's notices; each source is guarded by its own stream revision.
 */
export const feeAccountsProjection: Projection<RecordedEvent> = {
  name: 'fee-accounts',
  table: 'applicants.fee_accounts',

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (
      applicant_id uuid PRIMARY KEY,
      registered_on date NOT NULL,
      status text NOT NULL,
      next_due_date date NOT NULL,
      applicant_revision bigint NOT NULL,
      fee_revision bigint NOT NULL DEFAULT -1
    );
    CREATE INDEX ON ${table} (next_due_date) WHERE status = 'active'`);
  },

  async apply(tx: Tx, table: string, events: readonly RecordedEvent[]) {
    for (const event of events) {
      const domain = event as unknown as RecordedEvent & (ApplicantEvent | FeeAccountEvent);
      const revision = event.revision.toString();
      switch (domain.type) {
        case 'applicant-registered': {
          const registeredOn = stockholmDate(new Date(domain.data.registeredAt));
          const firstDue = anniversaryIn(registeredOn, Number(registeredOn.slice(0, 4)) + 1);
          await tx.query(
            `INSERT INTO ${table} (applicant_id, registered_on, status, next_due_date, applicant_revision)
             VALUES ($1, $2, 'active', $3, $4) ON CONFLICT (applicant_id) DO NOTHING`,
            [domain.data.applicantId, registeredOn, firstDue, revision],
          );
          break;
        }
        case 'applicant-deregistered':
        case 'account-closed':
          await tx.query(`UPDATE ${table} SET status = $2, applicant_revision = $3 WHERE applicant_id = $1 AND applicant_revision < $3`, [
            event.streamId.slice('applicant-'.length),
            domain.type === 'account-closed' ? 'closed' : 'deregistered',
            revision,
          ]);
          break;
        case 'deregistration-reversed':
          await tx.query(`UPDATE ${table} SET status = 'active', applicant_revision = $2 WHERE applicant_id = $1 AND applicant_revision < $2`, [event.streamId.slice('applicant-'.length), revision]);
          break;
        case 'fee-notice-issued':
          await tx.query(`UPDATE ${table} SET next_due_date = $2, fee_revision = $3 WHERE applicant_id = $1 AND fee_revision < $3`, [
            domain.data.applicantId,
            anniversaryIn(domain.data.registeredOn, domain.data.year + 1),
            revision,
          ]);
          break;
      }
    }
  },
};
