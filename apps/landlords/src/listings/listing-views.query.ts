import type pg from 'pg';
import { LISTINGS_TABLE } from './landlord-listings.projection.js';
import { PROPOSALS_TABLE } from './proposals.projection.js';

/** A listing's state as the landlord sees it, from what the listings app has reported. */
const LISTING_STATE_SQL = `CASE
  WHEN l.let_on IS NOT NULL THEN 'let'
  WHEN l.withdrawn_on IS NOT NULL THEN 'withdrawn'
  WHEN EXISTS (SELECT 1 FROM ${PROPOSALS_TABLE} p WHERE p.landlord_id = l.landlord_id AND p.listing_id = l.listing_id AND p.decision IS NULL AND p.proposed_at IS NOT NULL) THEN 'tenant-proposed'
  WHEN l.closed_on IS NOT NULL THEN 'applications-closed'
  WHEN l.published_on IS NOT NULL THEN 'open'
  ELSE 'reported' END`;

export const LISTING_STATES = ['open', 'applications-closed', 'tenant-proposed', 'let', 'withdrawn'] as const;

export const LISTING_COLUMNS = [
  'listingId',
  'state',
  'listingType',
  'municipality',
  'district',
  'rooms',
  'areaM2',
  'monthlyRent',
  'publishedOn',
  'applicationDeadline',
  'moveInDate',
  'closedOn',
  'applications',
  'eligible',
  'letOn',
  'withdrawnOn',
  'withdrawnReason',
] as const;

export interface Page {
  readonly limit: number;
  readonly offset: number;
}

export async function landlordListings(pool: pg.Pool, landlordId: string, state: string | undefined, page: Page) {
  const { rows } = await pool.query(
    `SELECT * FROM (
       SELECT l.listing_id AS "listingId", ${LISTING_STATE_SQL} AS state, l.listing_type AS "listingType", l.municipality, l.district,
         l.rooms::float8 AS rooms, l.area_m2::float8 AS "areaM2", l.monthly_rent::float8 AS "monthlyRent",
         l.published_on::text AS "publishedOn", l.application_deadline::text AS "applicationDeadline", l.move_in_date::text AS "moveInDate",
         l.closed_on::text AS "closedOn", l.applications, l.eligible, l.let_on::text AS "letOn", l.withdrawn_on::text AS "withdrawnOn", l.withdrawn_reason AS "withdrawnReason"
       FROM ${LISTINGS_TABLE} l WHERE l.landlord_id = $1) v
     WHERE ($2::text IS NULL OR state = $2) ORDER BY "publishedOn" DESC NULLS LAST, "listingId" LIMIT $3 OFFSET $4`,
    [landlordId, state ?? null, page.limit, page.offset],
  );
  return rows;
}

export const PROPOSAL_COLUMNS = ['proposalId', 'listingId', 'applicantId', 'place', 'householdSize', 'requirementsVerified', 'proposedAt', 'decision', 'reason', 'decidedAt'] as const;

/** The applicants proposed to the landlord: a pseudonymous applicant id and what it needs to decide, nothing more. */
export async function landlordProposals(pool: pg.Pool, landlordId: string, listingId: string | undefined, pending: boolean, page: Page) {
  const { rows } = await pool.query(
    `SELECT proposal_id AS "proposalId", listing_id AS "listingId", applicant_id AS "applicantId", place, household_size AS "householdSize",
       requirements_verified AS "requirementsVerified", proposed_at AS "proposedAt", decision, reason, decided_at AS "decidedAt"
     FROM ${PROPOSALS_TABLE} WHERE landlord_id = $1 AND ($2::uuid IS NULL OR listing_id = $2) AND (NOT $3 OR decision IS NULL)
     ORDER BY proposed_at DESC NULLS LAST, place, proposal_id LIMIT $4 OFFSET $5`,
    [landlordId, listingId ?? null, pending, page.limit, page.offset],
  );
  return rows;
}
