import type pg from 'pg';
import type { RankingMethod } from '../ranking/rank.js';

export interface Place {
  /** Null in a lottery before the draw, or when not placed (excluded, withdrawn). */
  readonly place: number | null;
  readonly of: number;
  /** Provisional before the deadline (queue standing and applications can still change); final once ranked. */
  readonly final: boolean;
  readonly excludedFor?: readonly string[];
}

const TIE = (listing: string, application: string) => `encode(sha256(convert_to(${listing}::text || ':' || ${application}::text, 'UTF8')), 'hex')`;

/** The stored place of a ranked listing's application: `place` and `reasons` null and `inRanking` false when it was not ranked (withdrawn before the close). */
export function rankedPlace(row: { readonly place: number | null; readonly reasons: readonly string[] | null; readonly eligible: number | null; readonly inRanking: boolean }): Place {
  if (!row.inRanking) return { place: null, of: row.eligible ?? 0, final: true };
  return { place: row.place, of: row.eligible ?? 0, final: true, ...(row.reasons && { excludedFor: row.reasons }) };
}

/** A seeker's place on a listing not yet ranked: provisional, by the close's rules on current data. */
export async function provisionalPlace(pool: pg.Pool, listingId: string, applicationId: string, method: RankingMethod): Promise<Place> {
  const order = method === 'queue-days' ? `(s.queue_start_date, a.submitted_at, ${TIE('$1', 'a.application_id')})` : `(a.submitted_at, ${TIE('$1', 'a.application_id')})`;
  const { rows } = await pool.query<{ ahead: number; total: number; mine: boolean }>(
    `WITH field AS (
       SELECT a.application_id, ${order} AS k FROM listings.applications a JOIN listings.seekers s USING (applicant_id)
       WHERE a.listing_id = $1::uuid AND a.status = 'active' AND s.status = 'active')
     SELECT count(*) FILTER (WHERE f.k < m.k)::int AS ahead, count(*)::int AS total, bool_or(f.application_id = $2::uuid) AS mine
     FROM field f, (SELECT k FROM field WHERE application_id = $2::uuid) m`,
    [listingId, applicationId],
  );
  const row = rows[0];
  if (!row || !row.mine) return { place: null, of: row?.total ?? 0, final: false };
  return { place: method === 'lottery' ? null : row.ahead + 1, of: row.total, final: false };
}
