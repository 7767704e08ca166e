import { formatMonth, formatNumber } from '../../i18n/format.js';
import type { Locale, Translate } from '../../i18n/locale.js';
import type { LettingsSeries, QueueTimeNeeded } from './open-data.js';

const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^\d{4}-\d{2}$/;
const DAYS_A_YEAR = 365.25;

/** A period as the open data labels it (`2025`, `2025-Q2`, `2025-04`) in words. */
export function periodText(label: string, t: Translate, locale: Locale): string {
  const quarter = QUARTER.exec(label);
  if (quarter) return t('statistics.period.quarter', { year: quarter[1], quarter: quarter[2] });
  if (MONTH.test(label)) return formatMonth(label, locale);
  return label;
}

export const yearsOf = (days: number, locale: Locale): string => formatNumber(days / DAYS_A_YEAR, locale);

/** The queue-time grid's alt text: the shortest and longest median in words, and how many cells are hidden; the table has the rest. */
export function queueTimeAlt(report: QueueTimeNeeded, t: Translate, locale: Locale): string {
  const period = periodText(report.period.label, t, locale);
  const shown = report.cells.filter((cell) => cell.medianQueueDays !== null);
  const hidden = report.cells.length - shown.length;
  const place = (cell: (typeof shown)[number]) => t('statistics.queue.place', { district: cell.district, rooms: formatNumber(cell.rooms, locale), years: yearsOf(cell.medianQueueDays!, locale) });
  const sorted = [...shown].sort((a, b) => a.medianQueueDays! - b.medianQueueDays!);
  const first = sorted.length > 0 ? t('statistics.queue.chartAlt', { period, shortest: place(sorted[0]), longest: place(sorted[sorted.length - 1]) }) : t('statistics.queue.chartAltNone', { period });
  return sentences(first, hidden, t);
}

/** The lettings chart's alt text: the total, the busiest period, and how many values are hidden. */
export function seriesAlt(report: LettingsSeries, t: Translate, locale: Locale): string {
  const period = periodText(report.period.label, t, locale);
  const counted = report.points.filter((point) => point.flatsLet !== null);
  const total = counted.reduce((sum, point) => sum + point.flatsLet!, 0);
  const hidden = report.points.filter((point) => point.suppressed || point.queueDaysSuppressed).length;
  if (total === 0) return sentences(t(hidden > 0 ? 'statistics.series.chartAltOnly' : 'statistics.series.chartAltNone', { period }), hidden, t);
  const busiest = counted.reduce((most, point) => (point.flatsLet! > most.flatsLet! ? point : most));
  const first = t('statistics.series.chartAlt', { period, total: formatNumber(total, locale), busiest: periodText(busiest.period.label, t, locale), most: formatNumber(busiest.flatsLet!, locale) });
  return sentences(first, hidden, t);
}

function sentences(first: string, hidden: number, t: Translate): string {
  return [first, hidden === 1 ? t('statistics.chartAlt.hiddenOne') : hidden > 1 ? t('statistics.chartAlt.hidden', { count: hidden }) : '', t('statistics.chartAlt.rest')].filter(Boolean).join(' ');
}
