/** The statistics app's open data, as much of it as the pages show (apps/statistics/src/reports). */

export interface Places {
  readonly municipalities: ReadonlyArray<{ readonly name: string; readonly districts: readonly string[] }>;
}

/** What every report says besides its figures; the threshold explains the withheld cells. */
interface Envelope {
  readonly period: { readonly from: string; readonly to: string; readonly label: string };
  readonly suppression: { readonly threshold: number };
}

export interface QueueTimeCell {
  readonly municipality: string;
  readonly district: string;
  readonly rooms: number;
  readonly suppressed: boolean;
  readonly tenants: number | null;
  readonly medianQueueDays: number | null;
  readonly bandLow: number | null;
  readonly bandHigh: number | null;
}

export interface QueueTimeNeeded extends Envelope {
  readonly cells: readonly QueueTimeCell[];
}

export interface SeriesPoint {
  readonly period: { readonly label: string };
  readonly suppressed: boolean;
  readonly flatsLet: number | null;
  readonly queueDaysSuppressed: boolean;
  readonly queueDays: { readonly median: number; readonly bandLow: number; readonly bandHigh: number } | null;
}

export interface LettingsSeries extends Envelope {
  readonly points: readonly SeriesPoint[];
}
