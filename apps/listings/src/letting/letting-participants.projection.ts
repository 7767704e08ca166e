import type { Tx } from '@bostadsko/bus';
import type { RecordedEvent } from '@bostadsko/event-store';
import type { Projection } from '@bostadsko/projections';
import { LETTING_STREAM_PREFIX, type LettingEvent } from './letting.events.js';

/**
 * Who takes part in which letting: finds the listing of an application (a
 * seeker answers by application id), a seeker's invitations, and the lettings
 * still open for the deadline job. Guarded by the letting stream's revision.
 */
export const lettingParticipantsProjection: Projection<RecordedEvent> = {
  name: 'letting-participants',
  table: 'listings.letting_participants',

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (
      application_id text PRIMARY KEY,
      listing_id uuid NOT NULL,
      applicant_id text NOT NULL,
      letting_open boolean NOT NULL DEFAULT true,
      revision bigint NOT NULL
    );
    CREATE INDEX ON ${table} (applicant_id);
    CREATE INDEX ON ${table} (listing_id) WHERE letting_open`);
  },

  async apply(tx: Tx, table: string, events: readonly RecordedEvent[]) {
    for (const event of events) {
      if (!event.streamId.startsWith(LETTING_STREAM_PREFIX)) continue;
      const listingId = event.streamId.slice(LETTING_STREAM_PREFIX.length);
      const domain = event as unknown as LettingEvent;
      const revision = event.revision.toString();
      switch (domain.type) {
        case 'showing-scheduled':
          for (const invited of domain.data.invited) {
            await tx.query(`INSERT INTO ${table} (application_id, listing_id, applicant_id, revision) VALUES ($1, $2, $3, $4) ON CONFLICT (application_id) DO NOTHING`, [
              invited.applicationId,
              listingId,
              invited.applicantId,
              revision,
            ]);
          }
          break;
        case 'contract-signed':
        case 'candidates-exhausted':
          await tx.query(`UPDATE ${table} SET letting_open = false, revision = $2 WHERE listing_id = $1 AND revision < $2`, [listingId, revision]);
          break;
      }
    }
  },
};
