import type { IntegrationMessage, Tx } from '@bostadsko/bus';
import { ApplicationsClosedV1, ListingPublishedV1, ListingWithdrawnV1 } from '@bostadsko/contracts';
import type { Projection } from '@bostadsko/projections';

export const LISTING_TOPICS = [ListingPublishedV1.type, ApplicationsClosedV1.type, ListingWithdrawnV1.type] as const;

/**
 * Every published listing, let or not: the places a report may name (a district
 * is known once a flat was listed there), and how many listings were published,
 * closed and withdrawn.
 */
export const listingsProjection: Projection<IntegrationMessage> = {
  name: 'listings',
  table: 'statistics.listings',

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (
      listing_id uuid PRIMARY KEY,
      landlord_id uuid NOT NULL,
      municipality text,
      district text,
      rooms numeric,
      listing_type text,
      published_on date,
      closed_on date,
      applications int,
      eligible int,
      withdrawn_on date,
      withdrawn_reason text
    );
    CREATE INDEX ON ${table} (district)`);
  },

  async apply(tx: Tx, table: string, messages: readonly IntegrationMessage[]) {
    for (const message of messages) {
      if (message.type === ListingPublishedV1.type) {
        const l = ListingPublishedV1.parse(message.payload);
        await tx.query(
          `INSERT INTO ${table} (listing_id, landlord_id, municipality, district, rooms, listing_type, published_on) VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (listing_id) DO UPDATE SET municipality = EXCLUDED.municipality, district = EXCLUDED.district, rooms = EXCLUDED.rooms,
             listing_type = EXCLUDED.listing_type, published_on = EXCLUDED.published_on`,
          [l.listingId, l.landlordId, l.municipality, l.district, l.rooms, l.listingType, l.publishedOn],
        );
      } else if (message.type === ApplicationsClosedV1.type) {
        const c = ApplicationsClosedV1.parse(message.payload);
        await tx.query(
          `INSERT INTO ${table} (listing_id, landlord_id, closed_on, applications, eligible) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (listing_id) DO UPDATE SET closed_on = EXCLUDED.closed_on, applications = EXCLUDED.applications, eligible = EXCLUDED.eligible`,
          [c.listingId, c.landlordId, c.closedOn, c.applications, c.eligible],
        );
      } else if (message.type === ListingWithdrawnV1.type) {
        const w = ListingWithdrawnV1.parse(message.payload);
        await tx.query(
          `INSERT INTO ${table} (listing_id, landlord_id, withdrawn_on, withdrawn_reason) VALUES ($1, $2, $3, $4)
           ON CONFLICT (listing_id) DO UPDATE SET withdrawn_on = EXCLUDED.withdrawn_on, withdrawn_reason = EXCLUDED.withdrawn_reason`,
          [w.listingId, w.landlordId, w.on, w.reason],
        );
      }
    }
  },
};
