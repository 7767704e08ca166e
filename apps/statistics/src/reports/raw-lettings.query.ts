import type pg from 'pg';
import {
  withComplementarySuppression,
  type Cut,
  type Group,
  type LettingCell,
  type LettingFilter,
  type LettingsQuery,
  type LettingsReport,
  type LettingsSeries,
  type QueueTimeNeededCell,
} from './lettings.report.js';
import { buckets, type Granularity } from './period.js';
import { round } from './summary.js';

/**
 * The same reports computed by PostgreSQL straight from the raw lettings rows
 * (percentile_cont is the same type-7 quantile): the cold path, and an
 * independent check of the in-memory arithmetic.
 */

const AGGREGATES = `count(*)::int AS n,
  count(tenant_queue_days)::int AS queued,
  avg(tenant_queue_days::float8) AS q_mean,
  percentile_cont(ARRAY[0.245, 0.5, 0.755]) WITHIN GROUP (ORDER BY tenant_queue_days) AS q_p,
  min(tenant_queue_days) AS q_min, max(tenant_queue_days) AS q_max,
  avg(applications::float8) AS a_mean, percentile_cont(0.5) WITHIN GROUP (ORDER BY applications) AS a_median, max(applications) AS a_max,
  avg(monthly_rent::float8) AS r_mean, percentile_cont(0.5) WITHIN GROUP (ORDER BY monthly_rent::float8) AS r_median,
  avg(monthly_rent::float8 / area_m2::float8) AS m_mean, percentile_cont(0.5) WITHIN GROUP (ORDER BY monthly_rent::float8 / area_m2::float8) AS m_median,
  avg((contract_date - published_on)::float8) AS d_mean, percentile_cont(0.5) WITHIN GROUP (ORDER BY contract_date - published_on) AS d_median`;

interface Aggregates {
  n: number;
  queued: number;
  q_mean: number | null;
  q_p: number[] | null;
  q_min: number | null;
  q_max: number | null;
  a_mean: number;
  a_median: number;
  a_max: number;
  r_mean: number;
  r_median: number;
  m_mean: number;
  m_median: number;
  d_mean: number;
  d_median: number;
}

const EMPTY: LettingCell = { suppressed: false, flatsLet: 0, queueDays: null, queueDaysSuppressed: false, applicationsPerListing: null, rent: null, rentPerM2: null, daysToLet: null };

function cellOf(a: Aggregates, threshold: number): LettingCell {
  if (a.n < threshold) return { ...EMPTY, suppressed: true, flatsLet: null, queueDaysSuppressed: true };
  const queueDaysSuppressed = a.queued > 0 && a.queued < threshold;
  const p = a.q_p;
  return {
    suppressed: false,
    flatsLet: a.n,
    queueDays:
      a.queued === 0 || queueDaysSuppressed || !p ? null : { n: a.queued, mean: round(a.q_mean!), median: round(p[1]), bandLow: round(p[0]), bandHigh: round(p[2]), min: a.q_min!, max: a.q_max! },
    queueDaysSuppressed,
    applicationsPerListing: { mean: round(a.a_mean), median: round(a.a_median), max: a.a_max },
    rent: { mean: round(a.r_mean), median: round(a.r_median) },
    rentPerM2: { mean: round(a.m_mean), median: round(a.m_median) },
    daysToLet: { mean: round(a.d_mean), median: round(a.d_median) },
  };
}

function where(query: LettingsQuery, extra = ''): { sql: string; params: unknown[] } {
  const params: unknown[] = [query.period.from, query.period.to];
  const conditions = ['l.cancelled_on IS NULL', 'l.contract_date BETWEEN $1 AND $2'];
  const add = (column: string, value: unknown) => {
    if (value === undefined) return;
    params.push(value);
    conditions.push(`${column} = $${params.length}`);
  };
  const f: LettingFilter = query.filter;
  add('l.municipality', f.municipality);
  add('l.district', f.district);
  add('l.rooms', f.rooms);
  add('l.listing_type', f.listingType);
  add('l.landlord_id', f.landlordId);
  if (extra) conditions.push(extra);
  return { sql: `WHERE ${conditions.join(' AND ')}`, params };
}

const CUT_COLUMNS: Record<Cut, string[]> = {
  municipality: ['l.municipality AS municipality'],
  district: ['l.municipality AS municipality', 'l.district AS district'],
  rooms: ['l.rooms::float8 AS rooms'],
  listingType: ['l.listing_type AS "listingType"'],
  landlord: ['l.landlord_id::text AS "landlordId"', `coalesce(ll.name, 'unknown landlord') AS landlord`],
};

export async function rawLettingsReport(pool: pg.Pool, query: LettingsQuery & { readonly by: readonly Cut[] }): Promise<LettingsReport> {
  const { sql, params } = where(query);
  const from = `FROM statistics.lettings l ${query.by.includes('landlord') ? 'LEFT JOIN statistics.landlords ll USING (landlord_id)' : ''} ${sql}`;
  const total = (await pool.query<Aggregates>(`SELECT ${AGGREGATES} ${from}`, params)).rows[0];
  if (query.by.length === 0) return { by: query.by, rows: [], total: cellOf(total, query.threshold) };
  const columns = [...new Set(query.by.flatMap((cut) => CUT_COLUMNS[cut]))];
  const names = columns.map((c) => c.split(' AS ')[1]);
  const { rows } = await pool.query<Aggregates & Record<string, string | number>>(`SELECT ${columns.join(', ')}, ${AGGREGATES} ${from} GROUP BY ${columns.map((_, i) => i + 1).join(', ')}`, params);
  const keys = names.map((n) => n.replaceAll('"', ''));
  const grouped = rows.map((row) => ({ group: Object.fromEntries(keys.map((k) => [k, row[k]])) as Group, ...cellOf(row, query.threshold) }));
  grouped.sort((a, b) => {
    for (const key of keys) {
      const x = a.group[key];
      const y = b.group[key];
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'sv');
      if (order !== 0) return order;
    }
    return 0;
  });
  const totalCell = cellOf(total, query.threshold);
  return { by: query.by, rows: withComplementarySuppression(grouped, totalCell), total: totalCell };
}

/** The bucket's label from its first day, as buckets() names it. */
function labelOf(start: string, granularity: Granularity): string {
  const month = Number(start.slice(5, 7));
  return granularity === 'month' ? start.slice(0, 7) : granularity === 'quarter' ? `${start.slice(0, 4)}-Q${(month - 1) / 3 + 1}` : start.slice(0, 4);
}

export async function rawLettingsSeries(pool: pg.Pool, query: LettingsQuery & { readonly granularity: Granularity }): Promise<LettingsSeries> {
  const { sql, params } = where(query);
  // Grouped by the truncated date (cheap to compare), named by to_char only once per bucket.
  const { rows: found } = await pool.query<Aggregates & { start: string }>(
    `SELECT to_char(bucket, 'YYYY-MM-DD') AS start, a.* FROM (
       SELECT date_trunc('${query.granularity}', l.contract_date) AS bucket, ${AGGREGATES} FROM statistics.lettings l ${sql} GROUP BY 1) a`,
    params,
  );
  const rows = found.map((r) => ({ ...r, label: labelOf(r.start, query.granularity) }));
  const byLabel = new Map(rows.map((r) => [r.label, r]));
  return {
    granularity: query.granularity,
    points: buckets(query.period, query.granularity).map((period) => {
      const hit = byLabel.get(period.label);
      return { period, ...(hit ? cellOf(hit, query.threshold) : EMPTY) };
    }),
  };
}

export async function rawQueueTimeNeeded(pool: pg.Pool, query: LettingsQuery): Promise<QueueTimeNeededCell[]> {
  const { sql, params } = where(query, 'l.tenant_queue_days IS NOT NULL');
  const { rows } = await pool.query<{ municipality: string; district: string; rooms: number; n: number; p: number[] }>(
    `SELECT l.municipality, l.district, l.rooms::float8 AS rooms, count(*)::int AS n,
       percentile_cont(ARRAY[0.245, 0.5, 0.755]) WITHIN GROUP (ORDER BY l.tenant_queue_days) AS p
     FROM statistics.lettings l ${sql} GROUP BY 1, 2, 3`,
    params,
  );
  return rows
    .map((r): QueueTimeNeededCell => {
      const place = { municipality: r.municipality, district: r.district, rooms: r.rooms };
      if (r.n < query.threshold) return { ...place, suppressed: true, tenants: null, medianQueueDays: null, bandLow: null, bandHigh: null };
      return { ...place, suppressed: false, tenants: r.n, medianQueueDays: round(r.p[1]), bandLow: round(r.p[0]), bandHigh: round(r.p[2]) };
    })
    .sort((a, b) => a.municipality.localeCompare(b.municipality, 'sv') || a.district.localeCompare(b.district, 'sv') || a.rooms - b.rooms);
}
