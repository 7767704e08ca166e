import { randomUUID } from 'node:crypto';
import type pg from 'pg';

/** A landlord with an active agreement, as the landlords app's events would leave it in the listings read model. */
export async function seedLandlord(pool: pg.Pool): Promise<string> {
  const landlordId = randomUUID();
  const agreement = { messageId: `bench-${landlordId}`, agreementId: randomUUID(), status: 'active', effectiveFrom: '2020-01-01', occurredAt: '2020-01-01T00:00:00.000Z' };
  await pool.query(`INSERT INTO listings.landlords (landlord_id, agreements) VALUES ($1, jsonb_build_array($2::jsonb))`, [landlordId, JSON.stringify(agreement)]);
  return landlordId;
}

/**
 * Seekers in the queue, as the applicants app's events would leave them in the
 * read model: generated inside PostgreSQL in chunks (ids md5-derived, queue starts spread over 20 years).
 */
export async function seedSeekers(pool: pg.Pool, count: number, salt: string): Promise<string[]> {
  const ids: string[] = [];
  const chunk = 100_000;
  for (let from = 0; from < count; from += chunk) {
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO listings.seekers (applicant_id, birth_year, registered_on, timeline, status, queue_start_date)
       SELECT id, 1960 + (n % 40), start, jsonb_build_array(jsonb_build_object('messageId', 'seed-' || id, 'status', 'active', 'queueStartDate', start,
         'effectiveFrom', start, 'reason', 'registered', 'occurredAt', '2020-01-01T00:00:00.000Z')), 'active', start
       FROM (SELECT n, md5($3 || n)::uuid AS id, (date '2005-01-01' + (n::bigint * 7919 % 7300)::int)::date AS start FROM generate_series($1::int, $2::int) n) s
       RETURNING applicant_id AS id`,
      [from, Math.min(count, from + chunk) - 1, salt],
    );
    for (const row of rows) ids.push(row.id);
  }
  return ids;
}
