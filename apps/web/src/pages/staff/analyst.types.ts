import type { LettingsSeries, QueueTimeNeeded } from '../statistics/open-data.js';

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

/** Counts withheld as too small are null, and named in `suppressed`. */
export interface SeekersPoint {
  readonly period: { readonly label: string };
  readonly registered: number | null;
  readonly newRegistrations: number | null;
  readonly deregistrations: number | null;
  readonly closedAccounts: number | null;
  readonly active: number | null;
  readonly activeShare: number | null;
  readonly suppressed: readonly string[];
}

interface Envelope {
  readonly period: { readonly label: string };
  readonly suppression: { readonly threshold: number };
}

export interface SeekersSeries extends Envelope {
  readonly points: readonly SeekersPoint[];
}

export interface SeekersByAge extends Envelope {
  readonly on: string;
  readonly groups: ReadonlyArray<{
    readonly ageGroup: string;
    readonly registered: number | null;
    readonly active: number | null;
    readonly activeShare: number | null;
    readonly suppressed: readonly string[];
  }>;
}

export interface SeekersWanted extends Envelope {
  readonly by: string;
  readonly rows: ReadonlyArray<{ readonly group: string; readonly seekers: number | null; readonly applications: number | null; readonly suppressed: boolean }>;
}

export type AnalystAnswer =
  | { readonly kind: 'summering'; readonly report: LettingsSummary }
  | { readonly kind: 'serie'; readonly report: LettingsSeries }
  | { readonly kind: 'kotid'; readonly report: QueueTimeNeeded }
  | { readonly kind: 'sokande'; readonly report: SeekersSeries }
  | { readonly kind: 'aldrar'; readonly report: SeekersByAge }
  | { readonly kind: 'onskemal'; readonly report: SeekersWanted };

export interface AnalystPlaces {
  readonly municipalities: ReadonlyArray<{ readonly name: string; readonly districts: readonly string[] }>;
  readonly landlords?: ReadonlyArray<{ readonly landlordId: string; readonly name: string }>;
}
