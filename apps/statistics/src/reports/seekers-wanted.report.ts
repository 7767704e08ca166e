import type pg from 'pg';
import type { Period } from './period.js';

/** What seekers asked for, as the listings they applied to say it: where, and which kind of list. */
export const WANTED_CUTS = ['municipality', 'listingType'] as const;
export type WantedCut = (typeof WANTED_CUTS)[number];

const COLUMN: Readonly<Record<WantedCut, string>> = { municipality: 'l.municipality', listingType: 'l.listing_type' };

export interface WantedRow {
  readonly group: string;
  /** Different seekers who applied in the period to a listing of the group; null when withheld. */
  readonly seekers: number | null;
  readonly applications: number | null;
  readonly suppressed: boolean;
}

/**
 * Seekers in the period by the municipality, or the list type, of the listings they applied to: a seeker
 * applying in two municipalities counts in both. A group of fewer seekers than the threshold is withheld
 * whole (its application count would tell how many applied).
 */
export async function seekersWanted(pool: pg.Pool, query: { period: Period; threshold: number }, cut: WantedCut): Promise<WantedRow[]> {
  const { rows } = await pool.query<{ grp: string | null; seekers: number; applications: number }>(
    `SELECT ${COLUMN[cut]} AS grp, count(DISTINCT a.applicant_id)::int AS seekers, count(*)::int AS applications
     FROM statistics.applications a JOIN statistics.listings l ON l.listing_id = a.listing_id
     WHERE a.submitted_on BETWEEN $1 AND $2
     GROUP BY 1 ORDER BY 1`,
    [query.period.from, query.period.to],
  );
  return rows.map((r) => {
    const suppressed = r.seekers < query.threshold;
    return { group: r.grp ?? '', seekers: suppressed ? null : r.seekers, applications: suppressed ? null : r.applications, suppressed };
  });
}
