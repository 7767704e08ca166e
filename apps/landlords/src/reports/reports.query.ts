import type pg from 'pg';
import { LISTINGS_TABLE } from '../listings/landlord-listings.projection.js';

export interface Spread {
  readonly mean: number | null;
  readonly median: number | null;
  readonly min: number | null;
  readonly max: number | null;
}

function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { mean: null, median: null, min: null, max: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { mean: round(values.reduce((s, v) => s + v, 0) / values.length), median: round(median), min: sorted[0], max: sorted[sorted.length - 1] };
}

export const LETTING_COLUMNS = [
  'listingId',
  'listingType',
  'municipality',
  'district',
  'rooms',
  'areaM2',
  'monthlyRent',
  'publishedOn',
  'letOn',
  'daysToLet',
  'applications',
  'tenantQueueDays',
] as const;

type LetRow = {
  listingId: string;
  listingType: string;
  municipality: string;
  district: string;
  rooms: number;
  areaM2: number;
  monthlyRent: number;
  publishedOn: string;
  letOn: string;
  daysToLet: number;
  applications: number | null;
  tenantQueueDays: number | null;
};

/**
 * The landlord's lettings in a period (by contract date): flats let, days from
 * publication to let, applications per listing, overall and per listing type.
 */
export async function lettingReport(pool: pg.Pool, landlordId: string, from: string, to: string) {
  const { rows } = await pool.query<LetRow>(
    `SELECT listing_id AS "listingId", listing_type AS "listingType", municipality, district, rooms::float8 AS rooms, area_m2::float8 AS "areaM2",
       monthly_rent::float8 AS "monthlyRent", published_on::text AS "publishedOn", let_on::text AS "letOn", (let_on - published_on) AS "daysToLet",
       applications, tenant_queue_days AS "tenantQueueDays"
     FROM ${LISTINGS_TABLE} WHERE landlord_id = $1 AND let_on BETWEEN $2 AND $3 ORDER BY let_on, listing_id`,
    [landlordId, from, to],
  );
  const { rows: published } = await pool.query<{ listings: number; closed: number; applications: number | null }>(
    `SELECT count(*)::int AS listings, count(applications)::int AS closed, avg(applications)::float8 AS applications
     FROM ${LISTINGS_TABLE} WHERE landlord_id = $1 AND published_on BETWEEN $2 AND $3`,
    [landlordId, from, to],
  );
  const summarise = (group: readonly LetRow[]) => ({
    flatsLet: group.length,
    daysToLet: spread(group.map((r) => r.daysToLet)),
    applicationsPerListing: spread(group.flatMap((r) => (r.applications === null ? [] : [r.applications]))),
  });
  const types = [...new Set(rows.map((r) => r.listingType))].sort();
  return {
    landlordId,
    from,
    to,
    ...summarise(rows),
    listingsPublished: published[0].listings,
    meanApplicationsPerPublishedListing: published[0].applications === null ? null : Math.round(published[0].applications * 10) / 10,
    byListingType: types.map((listingType) => ({ listingType, ...summarise(rows.filter((r) => r.listingType === listingType)) })),
    lettings: rows,
  };
}

export const VACANCY_COLUMNS = ['listingId', 'listingType', 'municipality', 'district', 'rooms', 'areaM2', 'monthlyRent', 'publishedOn', 'daysVacant', 'applications', 'closedOn'] as const;

/** The landlord's flats advertised and not yet let or withdrawn on a date, and how long each has been vacant. */
export async function vacancyReport(pool: pg.Pool, landlordId: string, on: string) {
  const { rows } = await pool.query<{ daysVacant: number }>(
    `SELECT listing_id AS "listingId", listing_type AS "listingType", municipality, district, rooms::float8 AS rooms, area_m2::float8 AS "areaM2",
       monthly_rent::float8 AS "monthlyRent", published_on::text AS "publishedOn", ($2::date - published_on) AS "daysVacant",
       CASE WHEN closed_on <= $2 THEN applications END AS applications, CASE WHEN closed_on <= $2 THEN closed_on::text END AS "closedOn"
     FROM ${LISTINGS_TABLE}
     WHERE landlord_id = $1 AND published_on <= $2 AND (let_on IS NULL OR let_on > $2) AND (withdrawn_on IS NULL OR withdrawn_on > $2)
     ORDER BY published_on, listing_id`,
    [landlordId, on],
  );
  return { landlordId, on, vacant: rows.length, daysVacant: spread(rows.map((r) => r.daysVacant)), listings: rows };
}
