import type pg from 'pg';
import { LISTING_TYPES, type ListingPublishedV2 } from '@bostadsko/contracts';
import { peopleProjection } from '../../apps/messages/src/people/people.projection.js';
import { savedSearchesProjection } from '../../apps/messages/src/saved-searches/saved-searches.projection.js';

const PLACES: Readonly<Record<string, readonly string[]>> = {
  Göteborg: ['Angered', 'Askim', 'Backa', 'Biskopsgården', 'Centrum', 'Frölunda', 'Gamlestaden', 'Haga', 'Johanneberg', 'Kortedala', 'Linnéstaden', 'Lundby', 'Majorna', 'Torslanda', 'Örgryte'],
  Mölndal: ['Centrum', 'Kållered', 'Lindome', 'Fässberg'],
  Partille: ['Centrum', 'Sävedalen', 'Öjersjö'],
  Kungälv: ['Kungälv', 'Ytterby', 'Kode'],
  Kungsbacka: ['Centrum', 'Hede', 'Onsala'],
};
const MUNICIPALITIES = Object.keys(PLACES);
// Göteborg has most of the flats and most of the seekers: weights per municipality above.
const WEIGHTS = [0.6, 0.12, 0.08, 0.1, 0.1];

/**
 * Seekers (birth years 1940–2008, all with a digest time) and saved searches
 * generated inside PostgreSQL with a fixed seed, as the projections would hold
 * them: a municipality on 95 % of searches (Göteborg most), a district on half,
 * a rooms range on most, a rent ceiling on two thirds, list types on a third, one
 * in five alerting daily. Some seekers keep several searches.
 */
export async function loadSeekersAndSearches(pool: pg.Pool, seekers: number, searches: number): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('CREATE SCHEMA IF NOT EXISTS messages');
    for (const projection of [peopleProjection, savedSearchesProjection]) await projection.createTable(client, projection.table);
    await client.query('SELECT setseed(0.17)');
    await client.query(
      `INSERT INTO messages.seekers (applicant_id, birth_year)
       SELECT ('00000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, 1940 + floor(random() * 69)::int FROM generate_series(1, $1) i`,
      [seekers],
    );
    await client.query(
      `INSERT INTO messages.people (applicant_id, language, digest_time)
       SELECT ('00000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, CASE WHEN i % 10 = 0 THEN 'en' ELSE 'sv' END, lpad((6 + i % 4)::text, 2, '0') || ':00'
       FROM generate_series(1, $1) i`,
      [seekers],
    );
    const cumulative = WEIGHTS.map((_, i) => WEIGHTS.slice(0, i + 1).reduce((a, b) => a + b, 0));
    await client.query(
      `WITH g AS (
         SELECT i, random() AS m, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6,
           -- Four in five searches belong to distinct seekers, the rest to seekers who already keep one.
           CASE WHEN i % 5 = 0 THEN 1 + floor(random() * $1::int)::int ELSE 1 + ((i::bigint * 7919) % $1::int)::int END AS seeker
         FROM generate_series(1, $2::int) i),
       placed AS (
         SELECT g.*, CASE WHEN m < 0.05 THEN NULL ELSE (SELECT k FROM unnest($3::float8[]) WITH ORDINALITY AS c(w, k) WHERE c.w >= (m - 0.05) / 0.95 ORDER BY k LIMIT 1)::int END AS mi
         FROM g)
       INSERT INTO messages.saved_searches (search_id, applicant_id, municipality, district, rooms_min, rooms_max, rent_min, rent_max, area_min, area_max,
         move_in_from, move_in_to, list_types, alerts, saved_at)
       SELECT gen_random_uuid(), ('00000000-0000-4000-8000-' || lpad(seeker::text, 12, '0'))::uuid,
         lower(($4::text[])[mi]),
         CASE WHEN mi IS NOT NULL AND r1 < 0.5 THEN lower((($5::jsonb -> ($4::text[])[mi]) ->> floor(r2 * jsonb_array_length($5::jsonb -> ($4::text[])[mi]))::int)) END,
         CASE WHEN r3 < 0.8 THEN 1 + floor(r3 * 4) END, CASE WHEN r3 < 0.6 THEN 2 + floor(r3 * 5) END,
         NULL, CASE WHEN r4 < 0.66 THEN 6000 + floor(r4 * 12000) END,
         CASE WHEN r5 < 0.3 THEN 30 + floor(r5 * 100) END, NULL,
         NULL, NULL,
         CASE WHEN r6 < 0.2 THEN ARRAY['regular'] WHEN r6 < 0.3 THEN ARRAY['regular', 'youth'] WHEN r6 < 0.33 THEN ARRAY['senior'] ELSE ARRAY[]::text[] END,
         CASE WHEN i % 5 = 1 THEN 'daily' ELSE 'immediate' END, now()
       FROM placed`,
      [seekers, searches, cumulative, MUNICIPALITIES, JSON.stringify(PLACES)],
    );
    await client.query('ANALYZE messages.seekers; ANALYZE messages.people; ANALYZE messages.saved_searches');
  } finally {
    client.release();
  }
}

/** Listings as the listings app publishes them, with a fixed pseudo-random sequence; one in ten a youth or senior list with its age range. */
export function listingsToPublish(count: number, publishedOn: string): ListingPublishedV2[] {
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  return Array.from({ length: count }, (_, i) => {
    const m = random();
    const municipality = MUNICIPALITIES[WEIGHTS.findIndex((_, k) => WEIGHTS.slice(0, k + 1).reduce((a, b) => a + b, 0) >= m)] ?? MUNICIPALITIES[0];
    const rooms = 1 + Math.floor(random() * 4);
    const listingType = i % 10 === 3 ? 'youth' : i % 10 === 7 ? 'senior' : pick(LISTING_TYPES.filter((t) => t === 'regular' || t === 'short-term' || t === 'first-come'));
    return {
      listingId: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      landlordId: '20000000-0000-4000-8000-000000000001',
      municipality,
      district: pick(PLACES[municipality]),
      rooms,
      areaM2: 20 + rooms * 18 + Math.floor(random() * 20),
      monthlyRent: 4000 + rooms * 2000 + Math.floor(random() * 3000),
      listingType,
      publishedOn,
      applicationDeadline: publishedOn,
      moveInDate: '2027-08-01',
      minAge: listingType === 'youth' ? 18 : listingType === 'senior' ? 55 : null,
      maxAge: listingType === 'youth' ? 25 : null,
    };
  });
}
