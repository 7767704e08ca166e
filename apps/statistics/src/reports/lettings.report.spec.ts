import { LettingFacts, type LettingRow } from './letting-facts.js';
import { lettingsReport, lettingsSeries, queueTimeNeeded } from './lettings.report.js';
import { buckets, namedPeriod, twelveMonthsBefore } from './period.js';
import { distribution, quantile } from './summary.js';

const LANDLORD = '00000000-0000-4000-8000-000000000001';
let nextRow = 0;
const letting = (over: Partial<LettingRow>): LettingRow => ({
  rowId: nextRow++,
  counted: true,
  contractDate: '2025-03-15',
  publishedOn: '2025-03-01',
  municipality: 'Göteborg',
  district: 'Majorna',
  rooms: 2,
  areaM2: 50,
  monthlyRent: 8000,
  listingType: 'regular',
  landlordId: LANDLORD,
  tenantQueueDays: 1000,
  applications: 100,
  ...over,
});
const year2025 = namedPeriod('2025')!;

describe('quantiles (type 7, as percentile_cont)', () => {
  test('median of an even count is the mean of the two middle values', () => {
    expect(quantile(Float64Array.of(100, 200, 300, 400), 0.5)).toBe(250);
    expect(quantile(Float64Array.of(7), 0.5)).toBe(7);
  });

  test('the middle-51 % band: 0.245 and 0.755 quantiles, hand computed', () => {
    // n = 4: h = 3 × 0.245 = 0.735 → 100 + 0.735 × 100; h = 3 × 0.755 = 2.265 → 300 + 0.265 × 100
    expect(distribution(Float64Array.of(100, 200, 300, 400))).toEqual({ n: 4, mean: 250, median: 250, bandLow: 173.5, bandHigh: 326.5, min: 100, max: 400 });
    // n = 5 (10, 20, 30, 40, 1000): h = 0.98 → 10 + 0.98 × 10 = 19.8; h = 3.02 → 40 + 0.02 × 960 = 59.2
    expect(distribution(Float64Array.of(10, 20, 30, 40, 1000))).toEqual({ n: 5, mean: 220, median: 30, bandLow: 19.8, bandHigh: 59.2, min: 10, max: 1000 });
  });
});

describe('periods', () => {
  test('month, quarter and year, with leap days', () => {
    expect(namedPeriod('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29', label: '2024-02' });
    expect(namedPeriod('2025-Q4')).toEqual({ from: '2025-10-01', to: '2025-12-31', label: '2025-Q4' });
    expect(namedPeriod('2025')).toEqual({ from: '2025-01-01', to: '2025-12-31', label: '2025' });
    expect(namedPeriod('2025-13')).toBeUndefined();
    expect(namedPeriod('2025-Q5')).toBeUndefined();
  });

  test('buckets are clipped to a custom range', () => {
    expect(buckets({ from: '2025-02-10', to: '2025-07-05', label: 'x' }, 'quarter')).toEqual([
      { from: '2025-02-10', to: '2025-03-31', label: '2025-Q1' },
      { from: '2025-04-01', to: '2025-06-30', label: '2025-Q2' },
      { from: '2025-07-01', to: '2025-07-05', label: '2025-Q3' },
    ]);
  });

  test('the last twelve months up to a date', () => {
    expect(twelveMonthsBefore('2025-06-30')).toBe('2024-07-01');
    expect(twelveMonthsBefore('2024-02-29')).toBe('2023-03-01');
  });
});

describe('lettings report', () => {
  const facts = LettingFacts.of([
    // Majorna: 5 lettings, queue days 100..500 except a lottery without queue days
    letting({ tenantQueueDays: 100, monthlyRent: 5000, areaM2: 50, applications: 10, publishedOn: '2025-03-05' }),
    letting({ tenantQueueDays: 200, monthlyRent: 6000, areaM2: 60, applications: 20, publishedOn: '2025-03-01' }),
    letting({ tenantQueueDays: 300, monthlyRent: 7000, areaM2: 70, applications: 30, publishedOn: '2025-02-13' }),
    letting({ tenantQueueDays: 400, monthlyRent: 8000, areaM2: 40, applications: 40, publishedOn: '2025-03-15' }),
    letting({ tenantQueueDays: 500, monthlyRent: 9000, areaM2: 90, applications: 50, publishedOn: '2025-03-10' }),
    // Haga: only 4 lettings
    ...[1, 2, 3, 4].map((k) => letting({ district: 'Haga', tenantQueueDays: k * 1000 })),
    // a cancelled letting and one outside the period count nowhere
    letting({ counted: false, tenantQueueDays: 99_999 }),
    letting({ contractDate: '2024-12-31', tenantQueueDays: 99_999 }),
  ]);

  test('a district with 5 lettings is shown, one with 4 is suppressed', () => {
    const majorna = lettingsReport(facts, { period: year2025, filter: { district: 'Majorna' }, by: [], threshold: 5 }).total;
    expect(majorna.flatsLet).toBe(5);
    expect(majorna.queueDays).toEqual({ n: 5, mean: 300, median: 300, bandLow: 198, bandHigh: 402, min: 100, max: 500 });
    expect(majorna.applicationsPerListing).toEqual({ mean: 30, median: 30, max: 50 });
    // rent per m²: 100, 100, 100, 200, 100 → mean 120, median 100
    expect(majorna.rentPerM2).toEqual({ mean: 120, median: 100 });
    // days from publication to the contract on 2025-03-15: 10, 14, 30, 0, 5
    expect(majorna.daysToLet).toEqual({ mean: 11.8, median: 10 });
    const haga = lettingsReport(facts, { period: year2025, filter: { district: 'Haga' }, by: [], threshold: 5 }).total;
    expect(haga).toMatchObject({ suppressed: true, flatsLet: null, queueDays: null, rent: null });
    const total = lettingsReport(facts, { period: year2025, filter: {}, by: [], threshold: 5 }).total;
    expect(total.flatsLet).toBe(9);
    // the 9 queue days 100..500, 1000..4000: median is the 5th value
    expect(total.queueDays?.median).toBe(500);
  });

  test('in a breakdown beside its total, a lone suppressed row takes the smallest shown row with it', () => {
    // Haga (4) is suppressed; with the total of 9 shown, Majorna's 5 would give Haga's 4 away
    const two = lettingsReport(facts, { period: year2025, filter: {}, by: ['district'], threshold: 5 });
    expect(two.rows.map((r) => [r.group.district, r.suppressed, r.flatsLet])).toEqual([
      ['Haga', true, null],
      ['Majorna', true, null],
    ]);
    const three = LettingFacts.of([
      ...[1, 2, 3, 4].map((k) => letting({ rowId: k, district: 'Haga' })),
      ...[5, 6, 7, 8, 9].map((k) => letting({ rowId: k, district: 'Majorna' })),
      ...[10, 11, 12, 13, 14, 15].map((k) => letting({ rowId: k, district: 'Kortedala' })),
    ]);
    const report = lettingsReport(three, { period: year2025, filter: {}, by: ['district'], threshold: 5 });
    expect(report.rows.map((r) => [r.group.district, r.flatsLet])).toEqual([
      ['Haga', null],
      ['Kortedala', 6],
      ['Majorna', null],
    ]);
    expect(report.total.flatsLet).toBe(15);
  });

  test('with the threshold at 4 the small district shows; its even-count median is the middle pair’s mean', () => {
    const haga = lettingsReport(facts, { period: year2025, filter: { district: 'Haga' }, by: [], threshold: 4 }).total;
    expect(haga.queueDays).toMatchObject({ n: 4, median: 2500, bandLow: 1735, bandHigh: 3265 });
  });

  test('queue days are suppressed on their own when too few lettings were decided by queue time', () => {
    const mixed = LettingFacts.of([1, 2, 3, 4, 5, 6].map((k) => letting({ rowId: k, tenantQueueDays: k <= 4 ? k * 10 : null, listingType: k <= 4 ? 'regular' : 'lottery' })));
    const cell = lettingsReport(mixed, { period: year2025, filter: {}, by: [], threshold: 5 }).total;
    expect(cell).toMatchObject({ suppressed: false, flatsLet: 6, queueDays: null, queueDaysSuppressed: true });
  });

  test('an unknown filter value matches nothing', () => {
    expect(lettingsReport(facts, { period: year2025, filter: { district: 'Atlantis' }, by: [], threshold: 5 }).total.flatsLet).toBe(0);
  });

  test('time series: one point per month, empty months show 0', () => {
    const series = lettingsSeries(facts, { period: { from: '2025-02-01', to: '2025-04-30', label: 'x' }, filter: {}, granularity: 'month', threshold: 5 });
    expect(series.points.map((p) => [p.period.label, p.flatsLet])).toEqual([
      ['2025-02', 0],
      ['2025-03', 9],
      ['2025-04', 0],
    ]);
  });

  test('queue time needed: median per district and rooms, small cells suppressed', () => {
    const cells = queueTimeNeeded(facts, { period: year2025, filter: {}, threshold: 5 });
    expect(cells).toEqual([
      { municipality: 'Göteborg', district: 'Haga', rooms: 2, suppressed: true, tenants: null, medianQueueDays: null, bandLow: null, bandHigh: null },
      { municipality: 'Göteborg', district: 'Majorna', rooms: 2, suppressed: false, tenants: 5, medianQueueDays: 300, bandLow: 198, bandHigh: 402 },
    ]);
  });
});

describe('large selections walk the pre-sorted orders, kept up to date as rows arrive and are cancelled', () => {
  // A small deterministic generator, so the figures are the same every run.
  let seed = 7;
  const next = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
  const randomLetting = (rowId: number): LettingRow =>
    letting({
      rowId,
      contractDate: `2025-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-10`,
      publishedOn: '2024-12-01',
      tenantQueueDays: next() < 0.1 ? null : Math.floor(next() * 4000),
      monthlyRent: 4000 + Math.round(next() * 8000) + 0.5,
      areaM2: 20 + Math.floor(next() * 90),
      applications: Math.floor(next() * 500),
    });

  /** Each month computed alone from its own few rows: the small-selection path, sorting per request. */
  const monthByMonth = (rows: LettingRow[]) =>
    buckets(year2025, 'month').map(
      (period) =>
        lettingsReport(LettingFacts.of(rows.filter((r) => r.counted && r.contractDate.startsWith(period.label)).map((r, k) => ({ ...r, rowId: k }))), { period, filter: {}, by: [], threshold: 5 })
          .total,
    );

  test('the same figures as sorting each month on its own', () => {
    const rows = Array.from({ length: 600 }, (_, i) => randomLetting(i));
    const facts = LettingFacts.of(rows);
    const series = () => lettingsSeries(facts, { period: year2025, filter: {}, granularity: 'month', threshold: 5 }).points.map(({ period: _period, ...cell }) => cell);
    expect(series()).toEqual(monthByMonth(rows));
    // new lettings merge into the orders; cancelled ones drop out
    const more = Array.from({ length: 300 }, (_, i) => randomLetting(600 + i));
    more.forEach((r) => facts.put(r));
    const cancelled = rows.slice(0, 100).map((r) => ({ ...r, counted: false }));
    cancelled.forEach((r) => facts.put(r));
    expect(series()).toEqual(monthByMonth([...cancelled, ...rows.slice(100), ...more]));
  });
});
