import type { IntegrationMessage, Tx } from '../../../../libs/bus/src/bus.port.js';
import { ApplicantRegisteredV1 } from '../../../../libs/contracts/src/index.js';
import type { Projection } from '../../../../libs/projections/src/index.js';

export const SEEKER_TOPICS = [ApplicantRegisteredV1.type] as const;

/**
 * One row per seeker known to statistics, keyed by the (pseudonymous) applicant id,
 * so a redelivered or replayed message changes nothing.
 */
export const seekersProjection: Projection<IntegrationMessage> = {
  name: 'seekers',
  table: 'statistics.seekers',

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (
      applicant_id uuid PRIMARY KEY,
      registered_on date NOT NULL
    )`);
  },

  async apply(tx: Tx, table: string, messages: readonly IntegrationMessage[]) {
    for (const message of messages) {
      if (message.type !== ApplicantRegisteredV1.type) continue;
      const registered = ApplicantRegisteredV1.parse(message.payload);
      await tx.query(`INSERT INTO ${table} (applicant_id, registered_on) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
        registered.applicantId,
        registered.registeredOn,
      ]);
    }
  },
};
