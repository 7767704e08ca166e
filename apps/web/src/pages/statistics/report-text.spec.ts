import { translator } from '../../i18n/locale.js';
import type { LettingsSeries, QueueTimeCell, QueueTimeNeeded, SeriesPoint } from './open-data.js';
import { periodText, queueTimeAlt, seriesAlt } from './report-text.js';

const sv = translator('sv');
const en = translator('en');
const envelope = (label: string) => ({ period: { from: '', to: '', label }, suppression: { threshold: 5 } });

const cell = (district: string, rooms: number, median: number | null): QueueTimeCell => ({
  municipality: 'Göteborg',
  district,
  rooms,
  suppressed: median === null,
  tenants: median === null ? null : 9,
  medianQueueDays: median,
  bandLow: median,
  bandHigh: median,
});

const point = (label: string, flatsLet: number | null, queueDaysSuppressed = false): SeriesPoint => ({
  period: { label },
  suppressed: flatsLet === null,
  flatsLet,
  queueDaysSuppressed,
  queueDays: null,
});

describe('the statistics pages in words', () => {
  test('periods read as people say them, in each language', () => {
    expect(periodText('2025', sv, 'sv')).toBe('2025');
    expect(periodText('2025-Q2', sv, 'sv')).toBe('Kvartal 2 2025');
    expect(periodText('2025-Q2', en, 'en')).toBe('Q2 2025');
    expect(periodText('2025-04', sv, 'sv')).toBe('april 2025');
    expect(periodText('2025-04', en, 'en')).toBe('April 2025');
  });

  test("the queue-time chart's alt text names the shortest and longest median and counts the hidden cells", () => {
    const report: QueueTimeNeeded = { ...envelope('2025'), cells: [cell('Majorna', 2, 730.5), cell('Haga', 1, 1461), cell('Haga', 3, null)] };
    expect(queueTimeAlt(report, sv, 'sv')).toBe(
      'Rutnät över median kötid per stadsdel och antal rum, 2025. Kortast: Majorna, 2 rum, 2 år. Längst: Haga, 1 rum, 4 år. 1 värde visas inte eftersom det bygger på för få personer. Samma siffror finns i tabellen nedan.',
    );
    expect(queueTimeAlt({ ...report, cells: [cell('Haga', 3, null)] }, en, 'en')).toBe(
      'Grid of the median queue time by district and number of rooms, 2025. No figures can be shown. 1 value is not shown because it rests on too few people. The table below has the same figures.',
    );
  });

  test("the lettings chart's alt text gives the total and the busiest period, and says when nothing was let", () => {
    const report: LettingsSeries = { ...envelope('2025-Q2'), points: [point('2025-04', 7), point('2025-05', 12, true), point('2025-06', null)] };
    expect(seriesAlt(report, en, 'en')).toBe(
      'Bar chart of flats let, Q2 2025: 19 in all, most in May 2025 (12). A line shows the median queue time. 2 values are not shown because they rest on too few people. The table below has the same figures.',
    );
    expect(seriesAlt({ ...report, points: [point('2025-04', 0)] }, sv, 'sv')).toBe(
      'Stapeldiagram över uthyrda lägenheter, Kvartal 2 2025: inga lägenheter hyrdes ut. Samma siffror finns i tabellen nedan.',
    );
    expect(seriesAlt({ ...report, points: [point('2025-04', null)] }, en, 'en')).toBe(
      'Bar chart of flats let, Q2 2025. 1 value is not shown because it rests on too few people. The table below has the same figures.',
    );
  });
});
