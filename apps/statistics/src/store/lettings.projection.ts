import type { IntegrationMessage, Tx } from '@bostadsko/bus';
import { LettingCancelledV1, ListingLetV1 } from '@bostadsko/contracts';
import type { Projection } from '@bostadsko/projections';

export const LETTING_TOPICS = [ListingLetV1.type, LettingCancelledV1.type] as const;

/**
 * One row per letting: the flat facts, the dates and the tenant's queue days, the
 * raw rows every letting report is computed from. A cancelled letting stays as a
 * row marked cancelled, so a redelivered ListingLet cannot bring it back.
 *
 * `row_id` is dense and stable, the in-memory snapshot's index; `seq` is taken
 * again on every change, so the snapshot fetches only rows changed since it last
 * looked. One consumer writes the table, so seq commits in order.
 */
export const lettingsProjection: Projection<IntegrationMessage> = {
  name: 'lettings',
  table: 'statistics.lettings',

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (
      row_id bigserial NOT NULL UNIQUE,
      seq bigserial NOT NULL,
      listing_id uuid NOT NULL,
      tenant_applicant_id uuid NOT NULL,
      landlord_id uuid NOT NULL,
      municipality text NOT NULL,
      district text NOT NULL,
      rooms float8 NOT NULL,
      area_m2 float8 NOT NULL,
      monthly_rent float8 NOT NULL,
      listing_type text NOT NULL,
      contract_date date NOT NULL,
      published_on date NOT NULL,
      tenant_queue_days int,
      applications int NOT NULL,
      cancelled_on date,
      PRIMARY KEY (listing_id, tenant_applicant_id)
    );
    CREATE INDEX ON ${table} (seq);
    CREATE INDEX ON ${table} (contract_date)`);
  },

  async apply(tx: Tx, table: string, messages: readonly IntegrationMessage[]) {
    for (const message of messages) {
      if (message.type === ListingLetV1.type) {
        const l = ListingLetV1.parse(message.payload);
        await tx.query(
          `INSERT INTO ${table} (listing_id, tenant_applicant_id, landlord_id, municipality, district, rooms, area_m2, monthly_rent, listing_type,
             contract_date, published_on, tenant_queue_days, applications)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT DO NOTHING`,
          [
            l.listingId,
            l.tenantApplicantId,
            l.landlordId,
            l.municipality,
            l.district,
            l.rooms,
            l.areaM2,
            l.monthlyRent,
            l.listingType,
            l.contractDate,
            l.publishedOn,
            l.tenantQueueDays,
            l.applications,
          ],
        );
      } else if (message.type === LettingCancelledV1.type) {
        const c = LettingCancelledV1.parse(message.payload);
        await tx.query(
          `UPDATE ${table} SET cancelled_on = $3, seq = nextval(pg_get_serial_sequence('${table}', 'seq'))
           WHERE listing_id = $1 AND tenant_applicant_id = $2 AND cancelled_on IS NULL`,
          [c.listingId, c.tenantApplicantId, c.on],
        );
      }
    }
  },
};
