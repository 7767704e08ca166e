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

interface Counts {
  registered: number;
  new_registrations: number;
  deregistrations: number;
  closed_accounts: number;
  active: number;
}

export async function seekersSeries(pool: pg.Pool, query: { period: Period; granularity: Granularity; threshold: number }): Promise<SeekersSeries> {
  const periods = buckets(query.period, query.granularity);
  const { rows } = await pool.query<Counts & { i: number }>(
    `WITH b AS (SELECT * FROM unnest($1::date[], $2::date[], $3::date[]) WITH ORDINALITY AS b(from_on, to_on, active_from, i)),
     queued AS (SELECT applicant_id, registered_on, left_on, left_reason FROM statistics.seekers WHERE registered_on IS NOT NULL)
     SELECT b.i::int - 1 AS i,
       (SELECT count(*) FROM queued s WHERE s.registered_on <= b.to_on AND (s.left_on IS NULL OR s.left_on > b.to_on))::int AS registered,
       (SELECT count(*) FROM queued s WHERE s.registered_on BETWEEN b.from_on AND b.to_on)::int AS new_registrations,
       (SELECT count(*) FROM queued s WHERE s.left_reason = 'deregistered' AND s.left_on BETWEEN b.from_on AND b.to_on)::int AS deregistrations,
       (SELECT count(*) FROM queued s WHERE s.left_reason = 'closed' AND s.left_on BETWEEN b.from_on AND b.to_on)::int AS closed_accounts,
       (SELECT count(DISTINCT a.applicant_id) FROM statistics.applications a JOIN queued s USING (applicant_id)
         WHERE a.submitted_on BETWEEN b.active_from AND b.to_on
           AND s.registered_on <= b.to_on AND (s.left_on IS NULL OR s.left_on > b.to_on))::int AS active
     FROM b ORDER BY b.i`,
    [periods.map((p) => p.from), periods.map((p) => p.to), periods.map((p) => twelveMonthsBefore(p.to))],
  );
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
