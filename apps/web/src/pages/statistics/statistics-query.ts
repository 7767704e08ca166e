import type { Locale } from '../../i18n/locale.js';

/**
 * The published reports the website shows: its own path (page, chart, CSV) and the
 * statistics app's open-data path. Only these two have both a table and a chart.
 */
export const REPORTS = {
  kotid: { api: '/statistics/open/queue-time-needed', file: 'queue-time-needed' },
  uthyrningar: { api: '/statistics/open/lettings/series', file: 'lettings-series' },
} as const;
export type ReportSlug = keyof typeof REPORTS;

export const GRANULARITIES = ['month', 'quarter', 'year'] as const;

/**
 * The filters a statistics page carries in its URL, named as the open data names
 * them, so a report is a bookmark and the chart and CSV proxies pass on nothing else.
 */
const FILTERS = ['period', 'municipality', 'granularity'] as const;
export type StatisticsQuery = Partial<Record<(typeof FILTERS)[number], string>> & { readonly period: string };

/** Keeps only the known filters with a value (what they may hold is the statistics app's to judge); the period defaults to `year`. */
export function statisticsQueryOf(raw: Readonly<Record<string, unknown>>, year: string): StatisticsQuery {
  const kept: Record<string, string> = {};
  for (const name of FILTERS) {
    const value = raw[name];
    if (typeof value === 'string' && value.trim() !== '') kept[name] = value.trim();
  }
  return { ...kept, period: kept.period ?? year };
}

/** A path with the query in its search part, `lang` last so the chart's and the CSV's labels follow the page. */
export function reportHref(path: string, query: StatisticsQuery, lang?: Locale): string {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (query[name]) params.set(name, query[name]);
  if (lang) params.set('lang', lang);
  return `${path}?${params.toString()}`;
}

/** The periods the form offers: each of the last `years` years and its quarters, newest first. */
export function periodChoices(year: string, years = 5): string[] {
  const newest = Number(year);
  return Array.from({ length: years }, (_, i) => String(newest - i)).flatMap((y) => [y, `${y}-Q1`, `${y}-Q2`, `${y}-Q3`, `${y}-Q4`]);
}

/** This year in Stockholm, or the training clock's year when the clock has been moved. */
export function currentYear(businessDate?: string): string {
  return businessDate?.slice(0, 4) ?? new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(new Date());
}

/** A file name for a download: the report and its period, with nothing a header could trip on. */
export function downloadName(report: ReportSlug, query: StatisticsQuery, extension: 'csv'): string {
  return `${REPORTS[report].file}-${query.period}.${extension}`.replace(/[^A-Za-z0-9._-]/g, '_');
}
