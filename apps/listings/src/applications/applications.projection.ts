import type { Tx } from '@bostadsko/bus';
import type { RecordedEvent } from '@bostadsko/event-store';
import type { Projection } from '@bostadsko/projections';
import { SEEKER_STREAM_PREFIX, type SeekerEvent } from './seeker.events.js';

/**
 * Every application with its listing, seeker and status: what the close reads to
 * rank a listing, and what seekers see in their list. Each row remembers the
 * seeker-stream revision of the last event applied to it.
 */
export const applicationsProjection: Projection<RecordedEvent> = {
  name: 'applications',
  table: 'listings.applications',

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (
      application_id uuid PRIMARY KEY,
      listing_id uuid NOT NULL,
      applicant_id uuid NOT NULL,
      submitted_at timestamptz NOT NULL,
      status text NOT NULL,
      withdrawn_reason text,
      withdrawn_at timestamptz,
      declaration jsonb NOT NULL,
      revision bigint NOT NULL
    )`);
    await tx.query(`CREATE INDEX ON ${table} (listing_id, status)`);
    await tx.query(`CREATE INDEX ON ${table} (applicant_id, submitted_at)`);
  },

  async apply(tx: Tx, table: string, events: readonly RecordedEvent[]) {
    const submitted = { ids: [] as string[], listings: [] as string[], applicants: [] as string[], at: [] as string[], declarations: [] as string[], revisions: [] as string[] };
    for (const event of events) {
      if (!event.streamId.startsWith(SEEKER_STREAM_PREFIX)) continue;
      const domain = event as unknown as SeekerEvent;
      if (domain.type === 'application-submitted') {
        submitted.ids.push(domain.data.applicationId);
        submitted.listings.push(domain.data.listingId);
        submitted.applicants.push(event.streamId.slice(SEEKER_STREAM_PREFIX.length));
        submitted.at.push(domain.data.submittedAt);
        submitted.declarations.push(JSON.stringify(domain.data.declaration));
        submitted.revisions.push(event.revision.toString());
      }
    }
    // Submissions in one statement (a burst of applies arrives as batches of thousands), then the rarer withdrawals in order.
    if (submitted.ids.length > 0) {
      await tx.query(
        `INSERT INTO ${table} (application_id, listing_id, applicant_id, submitted_at, status, declaration, revision)
         SELECT id, listing, applicant, at, 'active', declaration, revision
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[], $5::jsonb[], $6::bigint[]) AS t(id, listing, applicant, at, declaration, revision)
         ON CONFLICT (application_id) DO NOTHING`,
        [submitted.ids, submitted.listings, submitted.applicants, submitted.at, submitted.declarations, submitted.revisions],
      );
    }
    for (const event of events) {
      if (!event.streamId.startsWith(SEEKER_STREAM_PREFIX)) continue;
      const domain = event as unknown as SeekerEvent;
      if (domain.type !== 'application-withdrawn') continue;
      await tx.query(`UPDATE ${table} SET status = 'withdrawn', withdrawn_reason = $3, withdrawn_at = $4, revision = $2 WHERE application_id = $1 AND revision < $2`, [
        domain.data.applicationId,
        event.revision.toString(),
        domain.data.reason,
        domain.data.at,
      ]);
    }
  },
};
