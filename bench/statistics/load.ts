import type pg from 'pg';
import { landlordsProjection } from '../../apps/statistics/src/store/landlords.projection.js';
import { lettingsProjection } from '../../apps/statistics/src/store/lettings.projection.js';
import { listingsProjection } from '../../apps/statistics/src/store/listings.projection.js';

const PLACES: ReadonlyArray<readonly [string, string]> = [
  ...[
    'Angered',
    'Askim',
    'Backa',
    'Biskopsgården',
    'Centrum',
    'Frölunda',
    'Gamlestaden',
    'Haga',
    'Härlanda',
    'Johanneberg',
    'Kortedala',
    'Kärra',
    'Linnéstaden',
    'Lundby',
    'Majorna',
    'Styrsö',
    'Torslanda',
    'Tynnered',
    'Västra Frölunda',
    'Örgryte',
  ].map((d) => ['Göteborg', d] as const),
  ...['Centrum', 'Kållered', 'Lindome', 'Fässberg'].map((d) => ['Mölndal', d] as const),
  ...['Centrum', 'Sävedalen', 'Öjersjö'].map((d) => ['Partille', d] as const),
  ...['Kungälv', 'Ytterby', 'Kode'].map((d) => ['Kungälv', d] as const),
];
const LANDLORDS = 40;

/**
 * Five years of lettings (2021–2025) generated inside PostgreSQL with a fixed
 * seed: districts, rooms (fewer large flats), listing types in roughly Boplats'
 * proportions (no queue days for first-come and lottery), queue days rising with
 * rooms and district demand, rents with area, 20–620 applications per listing.
 * Inserted in contract-date order, as lettings arrive on the bus, so row ids
 * follow time as they do in the live store.
 */
export async function loadLettings(pool: pg.Pool, count: number): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('CREATE SCHEMA IF NOT EXISTS statistics');
    for (const projection of [lettingsProjection, landlordsProjection, listingsProjection]) await projection.createTable(client, projection.table);
    await client.query(
      `INSERT INTO statistics.landlords (landlord_id, name) SELECT ('00000000-0000-4000-8000-' || lpad(k::text, 12, '0'))::uuid, 'Hyresvärd ' || k || ' AB' FROM generate_series(0, ${LANDLORDS - 1}) k`,
    );
    await client.query('SELECT setseed(0.42)');
    await client.query(
      `WITH g AS (
         SELECT i, floor(random() * $2)::int AS d, 1 + floor(power(random(), 1.4) * 5)::int AS rooms,
           date '2021-01-01' + floor(random() * 1826)::int AS contract, random() AS r1, random() AS r2, random() AS r3, random() AS r4
         FROM generate_series(1, $1) i)
       INSERT INTO statistics.lettings (listing_id, tenant_applicant_id, landlord_id, municipality, district, rooms, area_m2, monthly_rent, listing_type,
         contract_date, published_on, tenant_queue_days, applications)
       SELECT gen_random_uuid(), gen_random_uuid(), ('00000000-0000-4000-8000-' || lpad((i % ${LANDLORDS})::text, 12, '0'))::uuid,
         ($3::text[])[d + 1], ($4::text[])[d + 1], rooms, 20 + rooms * 18 + floor(r1 * 20), round((20 + rooms * 18 + r1 * 20) * (110 + d * 2 + r2 * 40)),
         CASE WHEN r3 < 0.70 THEN 'regular' WHEN r3 < 0.78 THEN 'youth' WHEN r3 < 0.83 THEN 'senior' WHEN r3 < 0.90 THEN 'student'
              WHEN r3 < 0.94 THEN 'short-term' WHEN r3 < 0.97 THEN 'first-come' ELSE 'lottery' END,
         contract, contract - (14 + floor(r4 * 60))::int,
         CASE WHEN r3 >= 0.94 THEN NULL ELSE floor(100 + d * 60 + rooms * 450 + r4 * 3000 * r2)::int END,
         floor(20 + r2 * 600)::int
       FROM g ORDER BY contract`,
      [count, PLACES.length, PLACES.map((p) => p[0]), PLACES.map((p) => p[1])],
    );
    await client.query('VACUUM ANALYZE statistics.lettings');
  } finally {
    client.release();
  }
}
