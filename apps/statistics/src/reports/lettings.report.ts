import type { LettingFacts } from './letting-facts.js';
import { buckets, dayNumber, type Granularity, type Period } from './period.js';
import { distribution, quantile, round, type Distribution } from './summary.js';

export const CUTS = ['municipality', 'district', 'rooms', 'listingType', 'landlord'] as const;
export type Cut = (typeof CUTS)[number];

/** Narrows a report to some flats; every given field must match. */
export interface LettingFilter {
  readonly municipality?: string;
  readonly district?: string;
  readonly rooms?: number;
  readonly listingType?: string;
  readonly landlordId?: string;
}

export type Group = Readonly<Record<string, string | number>>;

export interface Figures {
  readonly mean: number;
  readonly median: number;
}

/**
 * The figures of one cell. A cell built from fewer lettings than the threshold
 * is suppressed: every figure null. Queue days count only lettings where queue
 * time decided (not first-come or lottery), so they are suppressed on their own.
 */
export interface LettingCell {
  readonly suppressed: boolean;
  readonly flatsLet: number | null;
  readonly queueDays: Distribution | null;
  readonly queueDaysSuppressed: boolean;
  readonly applicationsPerListing: (Figures & { readonly max: number }) | null;
  readonly rent: Figures | null;
  readonly rentPerM2: Figures | null;
  readonly daysToLet: Figures | null;
}

export interface LettingsReport {
  readonly by: readonly Cut[];
  readonly rows: ReadonlyArray<{ readonly group: Group } & LettingCell>;
  readonly total: LettingCell;
}

export interface LettingsSeries {
  readonly granularity: Granularity;
  readonly points: ReadonlyArray<{ readonly period: Period } & LettingCell>;
}

export interface QueueTimeNeededCell {
  readonly municipality: string;
  readonly district: string;
  readonly rooms: number;
  readonly suppressed: boolean;
  readonly tenants: number | null;
  readonly medianQueueDays: number | null;
  readonly bandLow: number | null;
  readonly bandHigh: number | null;
}

/** Codes of the filter's values; undefined when a value never occurs, so nothing can match. */
function filterCodes(facts: LettingFacts, filter: LettingFilter) {
  const d = facts.dictionaries;
  const code = (dictionary: { find(v: string): number | undefined }, value: string | undefined) =>
    value === undefined ? -1 : (dictionary.find(value) ?? -2);
  return {
    municipality: code(d.municipality, filter.municipality),
    district: code(d.district, filter.district),
    rooms: code(d.rooms, filter.rooms === undefined ? undefined : String(filter.rooms)),
    listingType: code(d.listingType, filter.listingType),
    landlord: code(d.landlord, filter.landlordId),
  };
}

/** Calls `visit` for each counted letting in the period that passes the filter. */
function scan(facts: LettingFacts, period: Period, filter: LettingFilter, visit: (i: number) => void): void {
  const codes = filterCodes(facts, filter);
  if (Object.values(codes).includes(-2)) return;
  const from = dayNumber(period.from);
  const to = dayNumber(period.to);
  const { counted, day, municipality, district, rooms, listingType, landlord } = facts;
  for (let i = 0; i < facts.capacity; i++) {
    if (counted[i] === 0 || day[i] < from || day[i] > to) continue;
    if (codes.municipality >= 0 && municipality[i] !== codes.municipality) continue;
    if (codes.district >= 0 && district[i] !== codes.district) continue;
    if (codes.rooms >= 0 && rooms[i] !== codes.rooms) continue;
    if (codes.listingType >= 0 && listingType[i] !== codes.listingType) continue;
    if (codes.landlord >= 0 && landlord[i] !== codes.landlord) continue;
    visit(i);
  }
}

function figures(values: Float64Array): Figures {
  values.sort();
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return { mean: round(sum / values.length), median: round(quantile(values, 0.5)) };
}

const SUPPRESSED_CELL: LettingCell = {
  suppressed: true,
  flatsLet: null,
  queueDays: null,
  queueDaysSuppressed: true,
  applicationsPerListing: null,
  rent: null,
  rentPerM2: null,
  daysToLet: null,
};

/** The figures of the lettings at `rows` (indices into the facts). */
export function cellOf(facts: LettingFacts, rows: ArrayLike<number>, threshold: number): LettingCell {
  const n = rows.length;
  // Nothing let identifies no one: an empty cell shows 0, not a suppression mark.
  if (n === 0) return { ...SUPPRESSED_CELL, suppressed: false, flatsLet: 0, queueDaysSuppressed: false };
  if (n < threshold) return SUPPRESSED_CELL;
  let queued = 0;
  for (let k = 0; k < n; k++) if (facts.hasQueueDays(rows[k])) queued++;
  const queueDays = new Float64Array(queued);
  const applications = new Float64Array(n);
  const rent = new Float64Array(n);
  const rentPerM2 = new Float64Array(n);
  const daysToLet = new Float64Array(n);
  let q = 0;
  let maxApplications = 0;
  for (let k = 0; k < n; k++) {
    const i = rows[k];
    if (facts.hasQueueDays(i)) queueDays[q++] = facts.queueDays[i];
    applications[k] = facts.applications[i];
    if (facts.applications[i] > maxApplications) maxApplications = facts.applications[i];
    rent[k] = facts.rent[i];
    rentPerM2[k] = facts.rent[i] / facts.area[i];
    daysToLet[k] = facts.daysToLet[i];
  }
  const queueDaysSuppressed = queued > 0 && queued < threshold;
  return {
    suppressed: false,
    flatsLet: n,
    queueDays: queueDaysSuppressed ? null : (distribution(queueDays) ?? null),
    queueDaysSuppressed,
    applicationsPerListing: { ...figures(applications), max: maxApplications },
    rent: figures(rent),
    rentPerM2: figures(rentPerM2),
    daysToLet: figures(daysToLet),
  };
}

/** Groups row indices by a numeric key made of the cuts' codes (each below 2^16). */
class Groups {
  readonly rows = new Map<number, number[]>();
  add(key: number, row: number): void {
    const list = this.rows.get(key);
    if (list) list.push(row);
    else this.rows.set(key, [row]);
  }
}

const KEY_BASE = 65_536;

function columnOf(facts: LettingFacts, cut: Cut): Int32Array {
  return cut === 'landlord' ? facts.landlord : facts[cut];
}

/** What a cut's code means in a report: its value, with the municipality beside a district (names repeat across municipalities). */
function describe(facts: LettingFacts, by: readonly Cut[], row: number, landlordNames: ReadonlyMap<string, string>): Group {
  const group: Record<string, string | number> = {};
  const d = facts.dictionaries;
  for (const cut of by) {
    if (cut === 'rooms') group.rooms = Number(d.rooms.values[facts.rooms[row]]);
    else if (cut === 'landlord') {
      const id = d.landlord.values[facts.landlord[row]];
      group.landlordId = id;
      group.landlord = landlordNames.get(id) ?? 'unknown landlord';
    } else if (cut === 'district') {
      group.municipality = d.municipality.values[facts.municipality[row]];
      group.district = d.district.values[facts.district[row]];
    } else group[cut] = d[cut].values[columnOf(facts, cut)[row]];
  }
  return group;
}

function compareGroups(a: Group, b: Group): number {
  for (const key of Object.keys(a)) {
    const x = a[key];
    const y = b[key];
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'sv');
    if (order !== 0) return order;
  }
  return 0;
}

export interface LettingsQuery {
  readonly period: Period;
  readonly filter: LettingFilter;
  readonly threshold: number;
}

export function lettingsReport(
  facts: LettingFacts,
  query: LettingsQuery & { readonly by: readonly Cut[] },
  landlordNames: ReadonlyMap<string, string> = new Map(),
): LettingsReport {
  const all: number[] = [];
  const groups = new Groups();
  // A district's key includes its municipality, so equal names in two municipalities stay apart.
  const columns = query.by.flatMap((cut) => (cut === 'district' ? [facts.municipality, facts.district] : [columnOf(facts, cut)]));
  scan(facts, query.period, query.filter, (i) => {
    all.push(i);
    if (columns.length === 0) return;
    let key = 0;
    for (const column of columns) key = key * KEY_BASE + column[i];
    groups.add(key, i);
  });
  const rows = [...groups.rows.values()]
    .map((members) => ({ group: describe(facts, query.by, members[0], landlordNames), ...cellOf(facts, members, query.threshold) }))
    .sort((a, b) => compareGroups(a.group, b.group));
  return { by: query.by, rows, total: cellOf(facts, all, query.threshold) };
}

export function lettingsSeries(facts: LettingFacts, query: LettingsQuery & { readonly granularity: Granularity }): LettingsSeries {
  const periods = buckets(query.period, query.granularity);
  const first = dayNumber(query.period.from);
  // Day → bucket by lookup, so one scan sorts every letting into its bucket.
  const bucketOfDay = new Int32Array(dayNumber(query.period.to) - first + 1);
  periods.forEach((p, b) => bucketOfDay.fill(b, dayNumber(p.from) - first, dayNumber(p.to) - first + 1));
  const members = periods.map(() => [] as number[]);
  scan(facts, query.period, query.filter, (i) => members[bucketOfDay[facts.day[i] - first]].push(i));
  return { granularity: query.granularity, points: periods.map((period, b) => ({ period, ...cellOf(facts, members[b], query.threshold) })) };
}

export function queueTimeNeeded(facts: LettingFacts, query: LettingsQuery): QueueTimeNeededCell[] {
  const groups = new Groups();
  scan(facts, query.period, query.filter, (i) => {
    if (facts.hasQueueDays(i)) groups.add((facts.municipality[i] * KEY_BASE + facts.district[i]) * KEY_BASE + facts.rooms[i], i);
  });
  const d = facts.dictionaries;
  return [...groups.rows.values()]
    .map((rows): QueueTimeNeededCell => {
      const first = rows[0];
      const place = { municipality: d.municipality.values[facts.municipality[first]], district: d.district.values[facts.district[first]], rooms: Number(d.rooms.values[facts.rooms[first]]) };
      if (rows.length < query.threshold) return { ...place, suppressed: true, tenants: null, medianQueueDays: null, bandLow: null, bandHigh: null };
      const days = distribution(Float64Array.from(rows, (i) => facts.queueDays[i]))!;
      return { ...place, suppressed: false, tenants: days.n, medianQueueDays: days.median, bandLow: days.bandLow, bandHigh: days.bandHigh };
    })
    .sort((a, b) => a.municipality.localeCompare(b.municipality, 'sv') || a.district.localeCompare(b.district, 'sv') || a.rooms - b.rooms);
}
