import type pg from 'pg';
import type { IsoDate } from '@bostadsko/calendar';
import { LISTING_COLUMNS, listingView, type ListingRow } from './listing-view.js';
import type { SearchListingsQuery } from './search.dto.js';

// Qualified in ORDER BY: the output columns of the same names are text, which would sort 12 000 before 6 000.
const ORDER: Record<string, string> = {
  published: 'published_at',
  deadline: 'deadline',
  rent: 'monthly_rent',
  area: 'area_m2',
  rooms: 'rooms',
  moveIn: 'move_in',
};

/** Listings open for applications today, filtered, sorted (listing id breaks ties so pages never overlap) and paged. */
export async function searchListings(pool: pg.Pool, query: SearchListingsQuery, today: IsoDate) {
  const where = [`status = 'open'`, 'deadline >= $1'];
  const params: unknown[] = [today];
  const add = (clause: (p: string) => string, value: unknown) => {
    if (value === undefined) return;
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  add((p) => `lower(municipality) = lower(${p})`, query.municipality);
  add((p) => `lower(district) = lower(${p})`, query.district);
  add((p) => `rooms >= ${p}`, query.roomsMin);
  add((p) => `rooms <= ${p}`, query.roomsMax);
  add((p) => `monthly_rent >= ${p}`, query.rentMin);
  add((p) => `monthly_rent <= ${p}`, query.rentMax);
  add((p) => `area_m2 >= ${p}`, query.areaMin);
  add((p) => `area_m2 <= ${p}`, query.areaMax);
  add((p) => `listing_type = ${p}`, query.type);
  add((p) => `move_in >= ${p}`, query.moveInFrom);
  add((p) => `move_in <= ${p}`, query.moveInTo);
  const sort = query.sort ?? '-published';
  const descending = sort.startsWith('-');
  const column = ORDER[descending ? sort.slice(1) : sort];
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const filter = where.join(' AND ');
  const [items, total] = await Promise.all([
    pool.query<ListingRow>(
      `SELECT ${LISTING_COLUMNS} FROM listings.listings l WHERE ${filter} ORDER BY l.${column} ${descending ? 'DESC' : 'ASC'}, listing_id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    ),
    pool.query<{ total: number }>(`SELECT count(*)::int AS total FROM listings.listings WHERE ${filter}`, params),
  ]);
  return { items: items.rows.map(listingView), page, pageSize, total: total.rows[0].total, sort };
}
