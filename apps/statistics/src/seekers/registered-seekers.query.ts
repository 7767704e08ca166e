import type pg from 'pg';

export interface RegisteredSeekers {
  readonly total: number;
  readonly asOf: string;
  readonly byMonth: ReadonlyArray<{ readonly month: string; readonly registrations: number }>;
}

export async function registeredSeekers(pool: pg.Pool, asOf: string): Promise<RegisteredSeekers> {
  const { rows } = await pool.query<{ month: string; registrations: number }>(
    `SELECT to_char(date_trunc('month', registered_on), 'YYYY-MM') AS month, count(*)::int AS registrations
     FROM statistics.seekers WHERE registered_on <= $1 GROUP BY 1 ORDER BY 1`,
    [asOf],
  );
  return { total: rows.reduce((sum, r) => sum + r.registrations, 0), asOf, byMonth: rows };
}
