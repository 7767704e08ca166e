import type { IntegrationMessage, Tx } from '@bostadsko/bus';
import { ApplicantDeregisteredV1, ApplicantDeregistrationReversedV1, ApplicantRegisteredV1 } from '@bostadsko/contracts';
import type { BusProjection } from '@bostadsko/runtime';

export const SEEKERS_TABLE = 'messages.seekers';

/**
 * What the saved-search alerts need of each seeker from the applicants app: the
 * birth year (a listing's age range) and whether they are deregistered (no alerts
 * until a reversal puts them back in the queue). A bus-fed read model with a
 * consumer group of its own: an install upgraded from before it had one replays
 * the bus log from the start, so seekers registered before this app heard of
 * birth years get theirs. Upserts, so a redelivery or a replay changes nothing.
 */
const seekersProjection = {
  name: 'seekers',
  table: SEEKERS_TABLE,

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (applicant_id uuid PRIMARY KEY, birth_year int, deregistered_on date)`);
  },

  async apply(tx: Tx, table: string, messages: readonly IntegrationMessage[]) {
    for (const message of messages) {
      switch (message.type) {
        case ApplicantRegisteredV1.type: {
          const { applicantId, birthYear } = ApplicantRegisteredV1.parse(message.payload);
          await tx.query(`INSERT INTO ${table} (applicant_id, birth_year) VALUES ($1, $2) ON CONFLICT (applicant_id) DO UPDATE SET birth_year = excluded.birth_year`, [applicantId, birthYear ?? null]);
          break;
        }
        case ApplicantDeregisteredV1.type: {
          const { applicantId, on } = ApplicantDeregisteredV1.parse(message.payload);
          await tx.query(`INSERT INTO ${table} (applicant_id, deregistered_on) VALUES ($1, $2) ON CONFLICT (applicant_id) DO UPDATE SET deregistered_on = excluded.deregistered_on`, [applicantId, on]);
          break;
        }
        case ApplicantDeregistrationReversedV1.type: {
          // Only the deregistration it reverses: a later one stands.
          const { applicantId, deregisteredOn } = ApplicantDeregistrationReversedV1.parse(message.payload);
          await tx.query(`UPDATE ${table} SET deregistered_on = NULL WHERE applicant_id = $1 AND deregistered_on = $2`, [applicantId, deregisteredOn]);
          break;
        }
      }
    }
  },
};

export const seekersBusProjection: BusProjection = {
  projection: seekersProjection,
  topics: [ApplicantRegisteredV1.type, ApplicantDeregisteredV1.type, ApplicantDeregistrationReversedV1.type],
};
