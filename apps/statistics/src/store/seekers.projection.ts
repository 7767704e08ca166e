import type { IntegrationMessage, Tx } from '@bostadsko/bus';
import { AccountClosedV1, ApplicantDeregisteredV1, ApplicantDeregistrationReversedV1, ApplicantRegisteredV1 } from '@bostadsko/contracts';
import type { Projection } from '@bostadsko/projections';

export const SEEKER_TOPICS = [ApplicantRegisteredV1.type, ApplicantDeregisteredV1.type, ApplicantDeregistrationReversedV1.type, AccountClosedV1.type] as const;

/**
 * One row per seeker, keyed by the pseudonymous applicant id (which never leaves
 * the store): when they registered and when they left the queue. Every write is an
 * upsert that a redelivered or replayed message repeats without change; a
 * departure that arrives before the registration still lands.
 */
export const seekersProjection: Projection<IntegrationMessage> = {
  name: 'seekers',
  table: 'statistics.seekers',

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (
      applicant_id uuid PRIMARY KEY,
      registered_on date,
      birth_year int,
      left_on date,
      left_reason text CHECK (left_reason IN ('deregistered', 'closed'))
    );
    CREATE INDEX ON ${table} (registered_on);
    CREATE INDEX ON ${table} (left_on) WHERE left_on IS NOT NULL`);
  },

  async apply(tx: Tx, table: string, messages: readonly IntegrationMessage[]) {
    for (const message of messages) {
      if (message.type === ApplicantRegisteredV1.type) {
        const registered = ApplicantRegisteredV1.parse(message.payload);
        await tx.query(
          `INSERT INTO ${table} (applicant_id, registered_on, birth_year) VALUES ($1, $2, $3)
           ON CONFLICT (applicant_id) DO UPDATE SET registered_on = EXCLUDED.registered_on, birth_year = EXCLUDED.birth_year`,
          [registered.applicantId, registered.registeredOn, registered.birthYear ?? null],
        );
      } else if (message.type === ApplicantDeregisteredV1.type || message.type === AccountClosedV1.type) {
        const left = message.type === AccountClosedV1.type ? AccountClosedV1.parse(message.payload) : ApplicantDeregisteredV1.parse(message.payload);
        const reason = message.type === AccountClosedV1.type ? 'closed' : 'deregistered';
        // The first departure counts: a closed account that was already deregistered left the queue then.
        await tx.query(
          `INSERT INTO ${table} (applicant_id, left_on, left_reason) VALUES ($1, $2, $3)
           ON CONFLICT (applicant_id) DO UPDATE SET left_on = EXCLUDED.left_on, left_reason = EXCLUDED.left_reason
           WHERE ${table.split('.')[1]}.left_on IS NULL OR ${table.split('.')[1]}.left_on > EXCLUDED.left_on`,
          [left.applicantId, left.on, reason],
        );
      } else if (message.type === ApplicantDeregistrationReversedV1.type) {
        // The seeker never left: a payment dated in time undid that deregistration (a later departure stays).
        const reversed = ApplicantDeregistrationReversedV1.parse(message.payload);
        await tx.query(`UPDATE ${table} SET left_on = NULL, left_reason = NULL WHERE applicant_id = $1 AND left_reason = 'deregistered' AND left_on = $2`, [
          reversed.applicantId,
          reversed.deregisteredOn,
        ]);
      }
    }
  },
};
