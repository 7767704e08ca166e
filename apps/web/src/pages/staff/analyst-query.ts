import type { Locale } from '../../i18n/locale.js';

/**
 * The analysts' reports: lettings broken down by cuts and over time, the queue time new tenants
 * needed, and the seekers: in the queue over time and by age group, and by what they applied for (the
 * municipality or list type, one of the cuts). All but the breakdown have a chart.
 */
export const ANALYST_REPORTS = {
  summering: { api: '/statistics/reports/lettings', file: 'lettings', chart: false },
  serie: { api: '/statistics/reports/lettings/series', file: 'lettings-series', chart: true },
  kotid: { api: '/statistics/reports/queue-time-needed', file: 'queue-time-needed', chart: true },
  sokande: { api: '/statistics/reports/seekers', file: 'seekers', chart: true },
  aldrar: { api: '/statistics/reports/seekers/age-groups', file: 'seekers-by-age', chart: true },
  onskemal: { api: '/statistics/reports/seekers/wanted', file: 'seekers-wanted', chart: true },
} as const;
export type AnalystReport = keyof typeof ANALYST_REPORTS;
const isReport = (value: unknown): value is AnalystReport => typeof value === 'string' && Object.hasOwn(ANALYST_REPORTS, value);

/** The statistics app's cuts a summary may be broken down by (up to three: the app says so when more are asked). */
export const CUTS = ['municipality', 'district', 'rooms', 'listingType', 'landlord'] as const;

/** The filters, named as the statistics app names them, so a report is its address and can be shared. */
const FILTERS = ['period', 'from', 'to', 'granularity', 'municipality', 'district', 'rooms', 'listingType', 'landlordId'] as const;
type Filter = (typeof FILTERS)[number];

export interface AnalystQuery {
  readonly report: AnalystReport;
  readonly filters: Readonly<Partial<Record<Filter, string>>>;
  readonly by: readonly string[];
}

const texts = (value: unknown): string[] => (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim());

/** Keeps the known filters with a value (what they may hold is the statistics app's to judge); a period defaults to `year` unless a range is given. */
export function analystQueryOf(raw: Readonly<Record<string, unknown>>, year: string): AnalystQuery {
  const report: AnalystReport = isReport(raw.rapport) ? raw.rapport : 'summering';
  const filters: Partial<Record<Filter, string>> = {};
  for (const name of FILTERS) {
    const [value] = texts(raw[name]);
    if (value) filters[name] = value;
  }
  if (!filters.period && !filters.from && !filters.to) filters.period = year;
  return { report, filters, by: report === 'summering' || report === 'onskemal' ? texts(raw.by) : [] };
}

/** What the statistics app is asked: the filters, and the cuts as its comma list. */
export const apiQuery = (query: AnalystQuery, extra: Readonly<Record<string, string>> = {}): Record<string, string | undefined> => ({
  ...query.filters,
  by: query.by.length ? query.by.join(',') : undefined,
  ...extra,
});

/** The report's own address (the page, its chart or its CSV), to bookmark and share. */
export function analystHref(path: string, query: AnalystQuery, lang?: Locale): string {
  const params = new URLSearchParams({ rapport: query.report });
  for (const [name, value] of Object.entries(query.filters)) if (value) params.set(name, value);
  for (const cut of query.by) params.append('by', cut);
  if (lang) params.set('lang', lang);
  return `${path}?${params.toString()}`;
}
