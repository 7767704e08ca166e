import type { Tx } from '@bostadsko/bus';
import type { RecordedEvent } from '@bostadsko/event-store';
import type { Projection } from '@bostadsko/projections';
import { isListingStream, type ListingEvent } from '../listing/listing.events.js';

/**
 * Each ranked listing's places, and the excluded with their reasons: reading a
 * page of a ranking or one seeker's place is an index lookup. A listing is
 * ranked once, so rows are only ever inserted (a redelivery inserts nothing).
 */
export const rankingProjection: Projection<RecordedEvent> = {
  name: 'ranking',
  table: 'listings.ranking',

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (
      listing_id uuid NOT NULL,
      application_id uuid NOT NULL,
      applicant_id uuid NOT NULL,
      place int,
      queue_days int,
      queue_start_date date,
      applied_at timestamptz,
      reasons text[],
      PRIMARY KEY (listing_id, application_id)
    )`);
    await tx.query(`CREATE UNIQUE INDEX ON ${table} (listing_id, place)`);
    await tx.query(`CREATE INDEX ON ${table} (applicant_id)`);
  },

  async apply(tx: Tx, table: string, events: readonly RecordedEvent[]) {
    for (const event of events) {
      if (!isListingStream(event.streamId)) continue;
      const domain = event as unknown as ListingEvent;
      if (domain.type !== 'applications-ranked') continue;
      const listingId = event.streamId.slice('listing-'.length);
      const { ranking, excluded } = domain.data;
      await tx.query(
        `INSERT INTO ${table} (listing_id, application_id, applicant_id, place, queue_days, queue_start_date, applied_at)
         SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::int[], $6::date[], $7::timestamptz[])
         ON CONFLICT DO NOTHING`,
        [
          listingId,
          ranking.map((r) => r.applicationId),
          ranking.map((r) => r.applicantId),
          ranking.map((r) => r.place),
          ranking.map((r) => r.queueDays),
          ranking.map((r) => r.queueStartDate),
          ranking.map((r) => r.appliedAt),
        ],
      );
      if (excluded.length > 0) {
        await tx.query(
          `INSERT INTO ${table} (listing_id, application_id, applicant_id, reasons)
           SELECT $1, id, applicant, string_to_array(reasons, ',') FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS t(id, applicant, reasons)
           ON CONFLICT DO NOTHING`,
          [listingId, excluded.map((e) => e.applicationId), excluded.map((e) => e.applicantId), excluded.map((e) => e.reasons.join(','))],
        );
      }
    }
  },
};
