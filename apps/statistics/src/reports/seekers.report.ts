import type pg from 'pg';
import { buckets, twelveMonthsBefore, type Granularity, type Period } from './period.js';

/**
 * Seekers over time. At each point's last day: how many were registered (in the
 * queue), and how many of those were active, i.e. applied in the last 12 months;
 * within the point: new registrations, deregistrations (unpaid fee) and closed
 * accounts. Counts of persons below the threshold are suppressed, and so is a
 * share built on them.
 */
export interface SeekersPoint {
  readonly period: Period;
  readonly registered: number | null;
  readonly newRegistrations: number | null;
  readonly deregistrations: number | null;
  readonly closedAccounts: number | null;
  readonly active: number | null;
  /** active / registered, 0..1. */
  readonly activeShare: number | null;
  /** Names of the figures above that were suppressed. */
  readonly suppressed: readonly string[];
}

export interface SeekersSeries {
  readonly granularity: Granularity;
  readonly points: readonly SeekersPoint[];
}

export async function seekersSeries(pool: pg.Pool, query: { period: Period; granularity: Granularity; threshold: number }): Promise<SeekersSeries> {
  const periods = buckets(query.period, query.granularity);
  const params = [periods.map((p) => p.from), periods.map((p) => p.to), periods.map((p) => twelveMonthsBefore(p.to))];
  // One pass per figure over the period's rows (not a scan of every seeker per point):
  // registered at each point's end = registered before the period + new − departed, cumulated.
  const {
    rows: [before],
  } = await pool.query<{ registered: number }>(
    `SELECT count(*)::int AS registered FROM statistics.seekers
     WHERE registered_on < $1 AND (left_on IS NULL OR left_on >= $1)`,
    [query.period.from],
  );
  const { rows: flows } = await pool.query<{ i: number; new_registrations: number; deregistrations: number; closed_accounts: number; departures: number }>(
    `WITH b AS (SELECT * FROM unnest($1::date[], $2::date[]) WITH ORDINALITY AS b(from_on, to_on, i)),
     arrived AS (SELECT b.i, count(*)::int AS n FROM b JOIN statistics.seekers s ON s.registered_on BETWEEN b.from_on AND b.to_on GROUP BY b.i),
     departed AS (
       SELECT b.i, count(*) FILTER (WHERE s.left_reason = 'deregistered')::int AS deregistrations,
         count(*) FILTER (WHERE s.left_reason = 'closed')::int AS closed_accounts, count(*)::int AS departures
       FROM b JOIN statistics.seekers s ON s.left_on BETWEEN b.from_on AND b.to_on
       WHERE s.registered_on IS NOT NULL AND s.registered_on <= s.left_on GROUP BY b.i)
     SELECT b.i::int - 1 AS i, coalesce(arrived.n, 0) AS new_registrations, coalesce(d.deregistrations, 0) AS deregistrations,
       coalesce(d.closed_accounts, 0) AS closed_accounts, coalesce(d.departures, 0) AS departures
     FROM b LEFT JOIN arrived USING (i) LEFT JOIN departed d USING (i) ORDER BY b.i`,
    params.slice(0, 2),
  );
  const { rows: active } = await pool.query<{ i: number; active: number }>(
    `SELECT b.i::int - 1 AS i, (
       SELECT count(DISTINCT a.applicant_id) FROM statistics.applications a JOIN statistics.seekers s USING (applicant_id)
       WHERE a.submitted_on BETWEEN b.active_from AND b.to_on
         AND s.registered_on <= b.to_on AND (s.left_on IS NULL OR s.left_on > b.to_on))::int AS active
     FROM unnest($1::date[], $2::date[], $3::date[]) WITH ORDINALITY AS b(from_on, to_on, active_from, i) ORDER BY b.i`,
    params,
  );
  let registered = before.registered;
  const rows = flows.map((f) => {
    registered += f.new_registrations - f.departures;
    return { ...f, registered, active: active[f.i].active };
  });
  const shown = (value: number) => value === 0 || value >= query.threshold;
  return {
    granularity: query.granularity,
    points: rows.map((r) => {
      const suppressed: string[] = [];
      const figure = (name: string, value: number) => {
        if (shown(value)) return value;
        suppressed.push(name);
        return null;
      };
      const point = {
        registered: figure('registered', r.registered),
        newRegistrations: figure('newRegistrations', r.new_registrations),
        deregistrations: figure('deregistrations', r.deregistrations),
        closedAccounts: figure('closedAccounts', r.closed_accounts),
        active: figure('active', r.active),
      };
      const activeShare = point.registered && point.active !== null ? Math.round((point.active / point.registered) * 1000) / 1000 : null;
      if (activeShare === null && r.registered > 0) suppressed.push('activeShare');
      return { period: periods[r.i], ...point, activeShare, suppressed };
    }),
  };
}

/** Age reached during the year (only the birth year is known), in the bands of youth (18–25) and senior (55+) housing. */
const AGE_GROUPS = [
  { label: 'under 18', from: 0, to: 17 },
  { label: '18-25', from: 18, to: 25 },
  { label: '26-34', from: 26, to: 34 },
  { label: '35-44', from: 35, to: 44 },
  { label: '45-54', from: 45, to: 54 },
  { label: '55-64', from: 55, to: 64 },
  { label: '65+', from: 65, to: 200 },
] as const;

export interface AgeGroupRow {
  readonly ageGroup: string;
  readonly registered: number | null;
  readonly active: number | null;
  readonly activeShare: number | null;
  readonly suppressed: readonly string[];
}

/** Seekers in the queue on the period's last day by age group, and how many of them applied in the 12 months before. */
export async function seekersByAge(pool: pg.Pool, query: { period: Period; threshold: number }): Promise<AgeGroupRow[]> {
  const end = query.period.to;
  const { rows } = await pool.query<{ age: number; registered: number; active: number }>(
    `SELECT $3::int - s.birth_year AS age, count(*)::int AS registered,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM statistics.applications a WHERE a.applicant_id = s.applicant_id AND a.submitted_on BETWEEN $2 AND $1))::int AS active
     FROM statistics.seekers s
     WHERE s.registered_on <= $1 AND (s.left_on IS NULL OR s.left_on > $1) AND s.birth_year IS NOT NULL
     GROUP BY 1`,
    [end, twelveMonthsBefore(end), Number(end.slice(0, 4))],
  );
  return AGE_GROUPS.map((group) => {
    const inGroup = rows.filter((r) => r.age >= group.from && r.age <= group.to);
    const registered = inGroup.reduce((n, r) => n + r.registered, 0);
    const active = inGroup.reduce((n, r) => n + r.active, 0);
    const suppressed: string[] = [];
    const figure = (name: string, value: number) => {
      if (value === 0 || value >= query.threshold) return value;
      suppressed.push(name);
      return null;
    };
    const shownRegistered = figure('registered', registered);
    const shownActive = figure('active', active);
    const activeShare = shownRegistered && shownActive !== null ? Math.round((shownActive / shownRegistered) * 1000) / 1000 : null;
    if (activeShare === null && registered > 0) suppressed.push('activeShare');
    return { ageGroup: group.label, registered: shownRegistered, active: shownActive, activeShare, suppressed };
  });
}
