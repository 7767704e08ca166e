import type { IntegrationMessage, Tx } from '@bostadsko/bus';
import { ApplicationsClosedV1, ListingLetV1, ListingPublishedV1, ListingWithdrawnV1 } from '@bostadsko/contracts';
import type { Projection } from '@bostadsko/projections';

export const LISTINGS_TABLE = 'landlords.listings';
export const LISTING_TOPICS = [ListingPublishedV1.type, ApplicationsClosedV1.type, ListingLetV1.type, ListingWithdrawnV1.type] as const;

/**
 * Each landlord's listings as the listings app reports them. Every message sets
 * only the columns it knows, so messages for one listing may arrive in any order
 * and a redelivery writes the same values again; the state is derived on reading.
 */
export const landlordListingsProjection: Projection<IntegrationMessage> = {
  name: 'listings',
  table: LISTINGS_TABLE,

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (
      listing_id uuid PRIMARY KEY,
      landlord_id uuid NOT NULL,
      municipality text,
      district text,
      rooms numeric,
      area_m2 numeric,
      monthly_rent numeric,
      listing_type text,
      published_on date,
      application_deadline date,
      move_in_date date,
      closed_on date,
      applications int,
      eligible int,
      let_on date,
      tenant_queue_days int,
      withdrawn_on date,
      withdrawn_reason text
    )`);
    await tx.query(`CREATE INDEX ON ${table} (landlord_id, published_on)`);
  },

  async apply(tx: Tx, table: string, messages: readonly IntegrationMessage[]) {
    for (const message of messages) {
      switch (message.type) {
        case ListingPublishedV1.type: {
          const p = ListingPublishedV1.parse(message.payload);
          await upsert(tx, table, p.listingId, p.landlordId, {
            ...facts(p),
            published_on: p.publishedOn,
            application_deadline: p.applicationDeadline,
            move_in_date: p.moveInDate,
          });
          break;
        }
        case ApplicationsClosedV1.type: {
          const c = ApplicationsClosedV1.parse(message.payload);
          await upsert(tx, table, c.listingId, c.landlordId, { closed_on: c.closedOn, applications: c.applications, eligible: c.eligible });
          break;
        }
        case ListingLetV1.type: {
          const l = ListingLetV1.parse(message.payload);
          await upsert(tx, table, l.listingId, l.landlordId, {
            ...facts(l),
            published_on: l.publishedOn,
            let_on: l.contractDate,
            applications: l.applications,
            tenant_queue_days: l.tenantQueueDays,
          });
          break;
        }
        case ListingWithdrawnV1.type: {
          const w = ListingWithdrawnV1.parse(message.payload);
          await upsert(tx, table, w.listingId, w.landlordId, { withdrawn_on: w.on, withdrawn_reason: w.reason });
          break;
        }
      }
    }
  },
};

function facts(f: ListingPublishedV1 | ListingLetV1) {
  return { municipality: f.municipality, district: f.district, rooms: f.rooms, area_m2: f.areaM2, monthly_rent: f.monthlyRent, listing_type: f.listingType };
}

async function upsert(tx: Tx, table: string, listingId: string, landlordId: string, columns: Record<string, unknown>): Promise<void> {
  const names = Object.keys(columns);
  const values = Object.values(columns);
  await tx.query(
    `INSERT INTO ${table} (listing_id, landlord_id, ${names.join(', ')}) VALUES ($1, $2, ${names.map((_, i) => `$${i + 3}`).join(', ')})
     ON CONFLICT (listing_id) DO UPDATE SET ${names.map((n) => `${n} = excluded.${n}`).join(', ')}`,
    [listingId, landlordId, ...values],
  );
}
