import { METRICS, type LettingFacts, type Metric } from './letting-facts.js';
import { buckets, dayNumber, monthNumber, type Granularity, type Period } from './period.js';
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
  const code = (dictionary: { find(v: string): number | undefined }, value: string | undefined) => (value === undefined ? -1 : (dictionary.find(value) ?? -2));
  return {
    municipality: code(d.municipality, filter.municipality),
    district: code(d.district, filter.district),
    rooms: code(d.rooms, filter.rooms === undefined ? undefined : String(filter.rooms)),
    listingType: code(d.listingType, filter.listingType),
    landlord: code(d.landlord, filter.landlordId),
  };
}

/**
 * The counted lettings in the period that pass the filter, each assigned to a
 * group by `groupKey` (a number; -1 leaves the row out). Groups are numbered in
 * order of first appearance; `first` holds a row of each, to describe it.
 */
export interface Grouping {
  readonly groupOf: Int32Array;
  readonly rows: Int32Array;
  readonly counts: number[];
  readonly queued: number[];
  readonly first: number[];
  /** groupOf in 16 bits, made once per report; valid only while there are fewer than 2^15 - 1 groups. */
  compact(): Int16Array;
}

function group(facts: LettingFacts, period: Period, filter: LettingFilter, groupKey: (i: number) => number, keySpace: number): Grouping {
  const groupOf = new Int32Array(facts.capacity).fill(-1);
  const counts: number[] = [];
  const queued: number[] = [];
  const first: number[] = [];
  const selected = new Int32Array(facts.capacity);
  let n = 0;
  const codes = filterCodes(facts, filter);
  if (Object.values(codes).includes(-2)) return { groupOf, rows: selected.subarray(0, 0), counts, queued, first, compact: () => new Int16Array(0) };
  const from = dayNumber(period.from);
  const to = dayNumber(period.to);
  const { counted, day, municipality, district, rooms, listingType, landlord, queueDays } = facts;
  // Keys are below keySpace (a product of dictionary sizes): a dense table instead of a Map where it is small enough.
  const dense = keySpace <= 1 << 22 ? new Int32Array(keySpace).fill(-1) : undefined;
  const index = new Map<number, number>();
  for (let i = 0; i < facts.capacity; i++) {
    if (counted[i] === 0 || day[i] < from || day[i] > to) continue;
    if (codes.municipality >= 0 && municipality[i] !== codes.municipality) continue;
    if (codes.district >= 0 && district[i] !== codes.district) continue;
    if (codes.rooms >= 0 && rooms[i] !== codes.rooms) continue;
    if (codes.listingType >= 0 && listingType[i] !== codes.listingType) continue;
    if (codes.landlord >= 0 && landlord[i] !== codes.landlord) continue;
    const key = groupKey(i);
    if (key < 0) continue;
    let g = dense ? dense[key] : (index.get(key) ?? -1);
    if (g < 0) {
      g = counts.length;
      if (dense) dense[key] = g;
      else index.set(key, g);
      counts.push(0);
      queued.push(0);
      first.push(i);
    }
    groupOf[i] = g;
    counts[g]++;
    if (queueDays[i] >= 0) queued[g]++;
    selected[n++] = i;
  }
  let compact: Int16Array | undefined;
  return {
    groupOf,
    rows: selected.subarray(0, n),
    counts,
    queued,
    first,
    compact: () => (compact ??= new Int16Array(groupOf)),
  };
}

/**
 * Each group's values of a metric, ascending. A large selection walks the facts'
 * order for the metric, so nothing is sorted per request; a small one sorts its few values.
 */
function sortedValues(facts: LettingFacts, grouping: Grouping, metric: Metric, months?: { readonly from: number; readonly to: number }): Float64Array[] {
  const sizes = metric === 'queueDays' ? grouping.queued : grouping.counts;
  const out = sizes.map((size) => new Float64Array(size));
  const filled = new Int32Array(out.length);
  const values = facts.column(metric);
  const skipNoQueueDays = metric === 'queueDays';
  const { groupOf } = grouping;
  if (grouping.rows.length * 16 < facts.capacity) {
    for (const i of grouping.rows) {
      if (skipNoQueueDays && !facts.hasQueueDays(i)) continue;
      const g = groupOf[i];
      out[g][filled[g]++] = values[i];
    }
    for (const array of out) array.sort();
    return out;
  }
  // Where every group lies within one month, the month-major order is walked only over the period's months.
  const order = facts.order(metric, months ? 'month' : 'value');
  const { start, end } = months ? facts.monthRun(order, months.from, months.to) : { start: 0, end: order.rows.length };
  const { rows, values: ordered } = order;
  // Most reports have few groups: a 16-bit copy of groupOf halves what the walk's random reads touch.
  if (out.length < MAX_COMPACT_GROUPS) {
    const compact = grouping.compact();
    for (let k = start; k < end; k++) {
      const g = compact[rows[k]];
      if (g >= 0) out[g][filled[g]++] = ordered[k];
    }
    return out;
  }
  for (let k = start; k < end; k++) {
    const g = groupOf[rows[k]];
    if (g >= 0) out[g][filled[g]++] = ordered[k];
  }
  return out;
}

const MAX_COMPACT_GROUPS = 0x7fff;

function figures(sorted: Float64Array): Figures {
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i];
  return { mean: round(sum / sorted.length), median: round(quantile(sorted, 0.5)) };
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

/** Every group's cell, from the sorted values of each metric. */
function cells(facts: LettingFacts, grouping: Grouping, threshold: number, months?: { readonly from: number; readonly to: number }): LettingCell[] {
  const sorted = Object.fromEntries(METRICS.map((m) => [m, sortedValues(facts, grouping, m, months)])) as Record<Metric, Float64Array[]>;
  return grouping.counts.map((n, g): LettingCell => {
    // Nothing let identifies no one: an empty cell shows 0, not a suppression mark.
    if (n === 0) return { ...SUPPRESSED_CELL, suppressed: false, flatsLet: 0, queueDaysSuppressed: false };
    if (n < threshold) return SUPPRESSED_CELL;
    const queued = grouping.queued[g];
    const queueDaysSuppressed = queued > 0 && queued < threshold;
    const applications = sorted.applications[g];
    return {
      suppressed: false,
      flatsLet: n,
      queueDays: queueDaysSuppressed ? null : (distribution(sorted.queueDays[g]) ?? null),
      queueDaysSuppressed,
      applicationsPerListing: { ...figures(applications), max: applications[n - 1] },
      rent: figures(sorted.rent[g]),
      rentPerM2: figures(sorted.rentPerM2[g]),
      daysToLet: figures(sorted.daysToLet[g]),
    };
  });
}

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

/** Mixed-radix key over the cuts' dictionary codes, so each combination is one number. */
function keyOver(columns: readonly Int32Array[], sizes: readonly number[]): { key: (i: number) => number; space: number } {
  const key = (i: number) => {
    let k = 0;
    for (let c = 0; c < columns.length; c++) k = k * sizes[c] + columns[c][i];
    return k;
  };
  return { key, space: sizes.reduce((product, size) => product * Math.max(size, 1), 1) };
}

export function lettingsReport(facts: LettingFacts, query: LettingsQuery & { readonly by: readonly Cut[] }, landlordNames: ReadonlyMap<string, string> = new Map()): LettingsReport {
  const total =
    cells(
      facts,
      group(facts, query.period, query.filter, () => 0, 1),
      query.threshold,
    )[0] ?? cellsOfNothing();
  if (query.by.length === 0) return { by: query.by, rows: [], total };
  // A district's key includes its municipality, so equal names in two municipalities stay apart.
  const cuts = [...new Set(query.by.flatMap((cut): Cut[] => (cut === 'district' ? ['municipality', 'district'] : [cut])))];
  const { key, space } = keyOver(
    cuts.map((cut) => columnOf(facts, cut)),
    cuts.map((cut) => facts.dictionaries[cut].values.length),
  );
  const grouping = group(facts, query.period, query.filter, key, space);
  const rows = cells(facts, grouping, query.threshold)
    .map((cell, g) => ({ group: describe(facts, query.by, grouping.first[g], landlordNames), ...cell }))
    .sort((a, b) => compareGroups(a.group, b.group));
  return { by: query.by, rows: withComplementarySuppression(rows, total), total };
}

/**
 * With the total shown, one suppressed row could be recovered by subtracting the
 * others from it. So the shown row with the fewest lettings (the first in order
 * on a tie) is suppressed too: two rows share what the others leave.
 */
export function withComplementarySuppression<R extends { readonly group: Group } & LettingCell>(rows: R[], total: LettingCell): R[] {
  if (total.suppressed || rows.filter((r) => r.suppressed).length !== 1) return rows;
  const shown = rows.filter((r) => !r.suppressed && (r.flatsLet ?? 0) > 0);
  if (shown.length === 0) return rows;
  const smallest = shown.reduce((a, b) => ((b.flatsLet ?? 0) < (a.flatsLet ?? 0) ? b : a));
  return rows.map((r) => (r === smallest ? { ...r, ...SUPPRESSED_CELL } : r));
}

function cellsOfNothing(): LettingCell {
  return { ...SUPPRESSED_CELL, suppressed: false, flatsLet: 0, queueDaysSuppressed: false };
}

export function lettingsSeries(facts: LettingFacts, query: LettingsQuery & { readonly granularity: Granularity }): LettingsSeries {
  const periods = buckets(query.period, query.granularity);
  const first = dayNumber(query.period.from);
  // Day → bucket by lookup; the bucket number is the group key.
  const bucketOfDay = new Int32Array(dayNumber(query.period.to) - first + 1);
  periods.forEach((p, b) => bucketOfDay.fill(b, dayNumber(p.from) - first, dayNumber(p.to) - first + 1));
  const { day } = facts;
  const grouping = group(facts, query.period, query.filter, (i) => bucketOfDay[day[i] - first], periods.length);
  const byBucket = new Map<number, LettingCell>();
  const months = query.granularity === 'month' ? { from: monthNumber(query.period.from), to: monthNumber(query.period.to) } : undefined;
  cells(facts, grouping, query.threshold, months).forEach((cell, g) => byBucket.set(bucketOfDay[facts.day[grouping.first[g]] - first], cell));
  return { granularity: query.granularity, points: periods.map((period, b) => ({ period, ...(byBucket.get(b) ?? cellsOfNothing()) })) };
}

export function queueTimeNeeded(facts: LettingFacts, query: LettingsQuery): QueueTimeNeededCell[] {
  const d = facts.dictionaries;
  const place = keyOver([facts.municipality, facts.district, facts.rooms], [d.municipality.values.length, d.district.values.length, d.rooms.values.length]);
  const grouping = group(facts, query.period, query.filter, (i) => (facts.hasQueueDays(i) ? place.key(i) : -1), place.space);
  const days = sortedValues(facts, grouping, 'queueDays');
  return grouping.first
    .map((row, g): QueueTimeNeededCell => {
      const where = { municipality: d.municipality.values[facts.municipality[row]], district: d.district.values[facts.district[row]], rooms: Number(d.rooms.values[facts.rooms[row]]) };
      if (grouping.queued[g] < query.threshold) return { ...where, suppressed: true, tenants: null, medianQueueDays: null, bandLow: null, bandHigh: null };
      const summary = distribution(days[g])!;
      return { ...where, suppressed: false, tenants: summary.n, medianQueueDays: summary.median, bandLow: summary.bandLow, bandHigh: summary.bandHigh };
    })
    .sort((a, b) => a.municipality.localeCompare(b.municipality, 'sv') || a.district.localeCompare(b.district, 'sv') || a.rooms - b.rooms);
}
