import type { IntegrationMessage, Tx } from '@bostadsko/bus';
import { ApplicationSubmittedV1 } from '@bostadsko/contracts';
import type { Projection } from '@bostadsko/projections';

export const APPLICATION_TOPICS = [ApplicationSubmittedV1.type] as const;

/** Who applied when: the only source of "active seekers" (applied in the last 12 months). Keyed by application id. */
export const applicationsProjection: Projection<IntegrationMessage> = {
  name: 'applications',
  table: 'statistics.applications',

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (
      application_id uuid PRIMARY KEY,
      applicant_id uuid NOT NULL,
      listing_id uuid NOT NULL,
      submitted_on date NOT NULL
    );
    CREATE INDEX ON ${table} (submitted_on, applicant_id)`);
  },

  async apply(tx: Tx, table: string, messages: readonly IntegrationMessage[]) {
    for (const message of messages) {
      if (message.type !== ApplicationSubmittedV1.type) continue;
      const submitted = ApplicationSubmittedV1.parse(message.payload);
      await tx.query(`INSERT INTO ${table} (application_id, applicant_id, listing_id, submitted_on) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
        submitted.applicationId,
        submitted.applicantId,
        submitted.listingId,
        submitted.submittedOn,
      ]);
    }
  },
};
