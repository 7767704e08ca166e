import type { Tx } from '@bostadsko/bus';
import type { RecordedEvent } from '@bostadsko/event-store';
import type { Projection } from '@bostadsko/projections';
import { isListingStream, type ListingEvent } from '../listing/listing.events.js';

/**
 * One row per listing for search and for landlords' own lists. Guarded by the
 * listing stream's revision, so a redelivered event changes nothing.
 */
export const listingsProjection: Projection<RecordedEvent> = {
  name: 'listings',
  table: 'listings.listings',

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (
      listing_id uuid PRIMARY KEY,
      landlord_id uuid NOT NULL,
      status text NOT NULL,
      address text NOT NULL,
      municipality text NOT NULL,
      district text NOT NULL,
      rooms numeric NOT NULL,
      area_m2 numeric NOT NULL,
      monthly_rent numeric NOT NULL,
      floor int NOT NULL,
      lift boolean NOT NULL,
      move_in date NOT NULL,
      listing_type text NOT NULL,
      deadline date NOT NULL,
      published_on date NOT NULL,
      published_at timestamptz NOT NULL,
      requirements jsonb NOT NULL,
      lottery_seed_hash text,
      applications int,
      eligible int,
      ended_on date,
      ended_reason text,
      tenant_application_id uuid,
      revision bigint NOT NULL
    )`);
    await tx.query(`CREATE INDEX ON ${table} (status, deadline)`);
    await tx.query(`CREATE INDEX ON ${table} (lower(municipality), lower(district))`);
    await tx.query(`CREATE INDEX ON ${table} (landlord_id, published_at)`);
  },

  async apply(tx: Tx, table: string, events: readonly RecordedEvent[]) {
    for (const event of events) {
      if (!isListingStream(event.streamId)) continue;
      const listingId = event.streamId.slice('listing-'.length);
      const domain = event as unknown as ListingEvent;
      const guard = `listing_id = $1 AND revision < $2`;
      const revision = event.revision.toString();
      switch (domain.type) {
        case 'listing-published': {
          const d = domain.data;
          const f = d.flat;
          await tx.query(
            `INSERT INTO ${table} (listing_id, landlord_id, status, address, municipality, district, rooms, area_m2, monthly_rent, floor, lift, move_in,
               listing_type, deadline, published_on, published_at, requirements, lottery_seed_hash, revision)
             VALUES ($1, $2, 'open', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) ON CONFLICT (listing_id) DO NOTHING`,
            [
              listingId,
              d.landlordId,
              f.address,
              f.municipality,
              f.district,
              f.rooms,
              f.areaM2,
              f.monthlyRent,
              f.floor,
              f.lift,
              f.moveInDate,
              f.listingType,
              d.applicationDeadline,
              d.publishedOn,
              d.publishedAt,
              JSON.stringify(d.requirements),
              d.lotterySeedHash ?? null,
              revision,
            ],
          );
          break;
        }
        case 'applications-ranked':
          await tx.query(`UPDATE ${table} SET status = 'ranked', applications = $3, eligible = $4, revision = $2 WHERE ${guard}`, [
            listingId,
            revision,
            domain.data.applications,
            domain.data.ranking.length,
          ]);
          break;
        case 'listing-withdrawn':
          await tx.query(`UPDATE ${table} SET status = 'withdrawn', ended_on = $3, ended_reason = $4, revision = $2 WHERE ${guard}`, [listingId, revision, domain.data.on, domain.data.reason]);
          break;
        case 'listing-let':
          await tx.query(`UPDATE ${table} SET status = 'let', ended_on = $3, ended_reason = 'let', tenant_application_id = $4, revision = $2 WHERE ${guard}`, [
            listingId,
            revision,
            domain.data.contractDate,
            domain.data.applicationId,
          ]);
          break;
      }
    }
  },
};
