import type { Tx } from '@bostadsko/bus';
import type { ListingPublishedV2 } from '@bostadsko/contracts';
import { SAVED_SEARCHES_TABLE } from '../saved-searches/saved-searches.projection.js';

export const ALERT_BATCHES_TABLE = 'messages.alert_batches';
const MATCHED_LISTINGS_TABLE = 'messages.matched_listings';

/**
 * The saved searches a listing matches, whose seeker may apply for it: the search
 * page's filters (an absent one matches anything), the list types, and the age
 * the seeker turns in the deadline's year within the listing's range (a seeker
 * whose birth year is unknown is not alerted to a listing with an age range); a
 * deregistered seeker is not alerted at all until the deregistration is reversed.
 * `FROM MATCHING_SEARCHES WHERE MATCHING_CONDITIONS` with `matchingParameters`.
 */
export const MATCHING_SEARCHES = `
  ${SAVED_SEARCHES_TABLE} s LEFT JOIN messages.seekers k ON k.applicant_id = s.applicant_id`;

export const MATCHING_CONDITIONS = `
  (s.municipality = lower($2) OR s.municipality IS NULL)
    AND (s.district IS NULL OR s.district = lower($3))
    AND (s.rooms_min IS NULL OR s.rooms_min <= $4) AND (s.rooms_max IS NULL OR s.rooms_max >= $4)
    AND (s.rent_min IS NULL OR s.rent_min <= $5) AND (s.rent_max IS NULL OR s.rent_max >= $5)
    AND (s.area_min IS NULL OR s.area_min <= $6) AND (s.area_max IS NULL OR s.area_max >= $6)
    AND (s.move_in_from IS NULL OR s.move_in_from <= $7::date) AND (s.move_in_to IS NULL OR s.move_in_to >= $7::date)
    AND (cardinality(s.list_types) = 0 OR $8 = ANY (s.list_types))
    AND ($9::int IS NULL OR $10::int - k.birth_year >= $9::int)
    AND ($11::int IS NULL OR $10::int - k.birth_year <= $11::int)
    AND k.deregistered_on IS NULL`;

export const matchingParameters = (l: ListingPublishedV2): unknown[] => [
  l.listingId,
  l.municipality,
  l.district,
  l.rooms,
  l.monthlyRent,
  l.areaM2,
  l.moveInDate,
  l.listingType,
  l.minAge,
  Number(l.applicationDeadline.slice(0, 4)),
  l.maxAge,
];

/**
 * Queues one alert per seeker for a published listing, in the consumer's
 * transaction: due now from a search alerting at once, else at the seeker's next
 * digest time (business time, so a training clock move brings digests due). A
 * listing already matched queues nothing: a redelivered event alerts no one
 * twice. Returns how many were queued.
 */
export async function queueAlerts(tx: Tx, listing: ListingPublishedV2, now: Date): Promise<number> {
  const first = await tx.query(`INSERT INTO ${MATCHED_LISTINGS_TABLE} (listing_id, matched_at, alerts) VALUES ($1, $2, 0) ON CONFLICT (listing_id) DO NOTHING`, [listing.listingId, now.toISOString()]);
  if (first.rowCount === 0) return 0;
  // Only a daily alert needs the digest time: looked up for those alone rather than joined for all.
  const result = await tx.query<{ alerts: number }>(
    `INSERT INTO ${ALERT_BATCHES_TABLE} (listing_id, daily, due_at, applicants)
     SELECT $1, daily, due_at, array_agg(applicant_id) FROM (
       SELECT DISTINCT ON (s.applicant_id) s.applicant_id, s.alerts = 'daily' AS daily,
         CASE WHEN s.alerts = 'immediate' THEN $12::timestamptz
           ELSE messages.next_digest($12::timestamptz, coalesce((SELECT p.digest_time FROM messages.people p WHERE p.applicant_id = s.applicant_id), '07:00')) END AS due_at
       FROM ${MATCHING_SEARCHES}
       WHERE ${MATCHING_CONDITIONS}
       ORDER BY s.applicant_id, s.alerts = 'immediate' DESC) m
     GROUP BY daily, due_at
     RETURNING cardinality(applicants) AS alerts`,
    [...matchingParameters(listing), now.toISOString()],
  );
  const queued = result.rows.reduce((sum, r) => sum + r.alerts, 0);
  await tx.query(`UPDATE ${MATCHED_LISTINGS_TABLE} SET alerts = $2 WHERE listing_id = $1`, [listing.listingId, queued]);
  return queued;
}
