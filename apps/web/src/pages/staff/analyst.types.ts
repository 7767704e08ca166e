import type { LettingsSeries } from '../statistics/open-data.js';

interface Figures {
  readonly median: number;
}

/** One row of the lettings summary: its group's values and the figures, null where withheld. */
export interface SummaryRow {
  readonly group?: Readonly<Record<string, string | number>>;
  readonly suppressed: boolean;
  readonly flatsLet: number | null;
  readonly queueDaysSuppressed: boolean;
  readonly queueDays: Figures | null;
  readonly applicationsPerListing: Figures | null;
  readonly rent: Figures | null;
  readonly daysToLet: Figures | null;
}

export interface LettingsSummary {
  readonly period: { readonly label: string };
  readonly suppression: { readonly threshold: number };
  readonly by: readonly string[];
  readonly rows: readonly SummaryRow[];
  readonly total: SummaryRow;
}

export type AnalystAnswer = { readonly kind: 'summering'; readonly report: LettingsSummary } | { readonly kind: 'serie'; readonly report: LettingsSeries };

export interface AnalystPlaces {
  readonly municipalities: ReadonlyArray<{ readonly name: string; readonly districts: readonly string[] }>;
  readonly landlords?: ReadonlyArray<{ readonly landlordId: string; readonly name: string }>;
}
