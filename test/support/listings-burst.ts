import { randomUUID } from 'node:crypto';
import type pg from 'pg';

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A regular listing open for applications for ten days, as its landlord publishes it; ELIGIBLE_DECLARATION meets its requirements. */
export function listingBody(address = 'Felgatan 9') {
  return {
    address,
    municipality: 'Göteborg',
    district: 'Centrum',
    rooms: 2,
    areaM2: 55,
    monthlyRent: 9500,
    floor: 2,
    lift: true,
    moveInDate: day(40),
    listingType: 'regular',
    applicationDeadline: day(10),
    requirements: { incomeMultiple: 3, maxHouseholdSize: 4, minAge: null, maxAge: null, noPaymentRemarks: true },
  };
}

export const ELIGIBLE_DECLARATION = { householdSize: 2, taxableIncome: 420_000, nonTaxableIncome: 0, hasPaymentRemarks: false };

/** Active seekers in the listings app's read model as the applicants app's events would leave them, without registering each. */
export async function seedActiveSeekers(pool: pg.Pool, ids: readonly string[]): Promise<void> {
  await pool.query(
    `INSERT INTO listings.seekers (applicant_id, birth_year, registered_on, timeline, status, queue_start_date)
     SELECT id, 1980, date '2015-01-01', jsonb_build_array(jsonb_build_object('messageId', 'seed-' || id, 'status', 'active', 'queueStartDate', date '2015-01-01',
       'effectiveFrom', date '2015-01-01', 'reason', 'registered', 'occurredAt', '2020-01-01T00:00:00.000Z')), 'active', date '2015-01-01'
     FROM unnest($1::uuid[]) AS id`,
    [ids],
  );
}

/**
 * A landlord with an active agreement and active seekers, written into the listings app's
 * read models as the landlords and applicants apps' events would leave them, so a burst
 * needs no other app. Returns the landlord's id and the seekers' ids.
 */
export async function seedLandlordAndSeekers(pool: pg.Pool, seekers: number): Promise<{ landlordId: string; seekers: string[] }> {
  const landlordId = randomUUID();
  await pool.query(`INSERT INTO listings.landlords (landlord_id, agreements) VALUES ($1, jsonb_build_array($2::jsonb))`, [
    landlordId,
    JSON.stringify({ messageId: `seed-${landlordId}`, agreementId: randomUUID(), status: 'active', effectiveFrom: '2020-01-01', occurredAt: '2020-01-01T00:00:00.000Z' }),
  ]);
  const ids = Array.from({ length: seekers }, () => randomUUID());
  await seedActiveSeekers(pool, ids);
  return { landlordId, seekers: ids };
}
