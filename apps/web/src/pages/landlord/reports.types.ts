/** The landlords app's reports of one landlord's own flats (`/landlords/{id}/reports/…`, OpenAPI at /docs). */

export interface Spread {
  readonly mean: number | null;
  readonly median: number | null;
  readonly min: number | null;
  readonly max: number | null;
}

interface Flat {
  readonly listingId: string;
  readonly listingType: string;
  readonly municipality: string;
  readonly district: string;
  readonly rooms: number;
  readonly publishedOn: string;
}

export interface Letting extends Flat {
  readonly letOn: string;
  readonly daysToLet: number;
  readonly applications: number | null;
}

interface LettingSummary {
  readonly flatsLet: number;
  readonly daysToLet: Spread;
  readonly applicationsPerListing: Spread;
}

export interface LettingReport extends LettingSummary {
  readonly from: string;
  readonly to: string;
  readonly listingsPublished: number;
  readonly meanApplicationsPerPublishedListing: number | null;
  readonly byListingType: readonly (LettingSummary & { readonly listingType: string })[];
  readonly lettings: readonly Letting[];
}

export interface VacancyReport {
  readonly on: string;
  readonly vacant: number;
  readonly daysVacant: Spread;
  readonly listings: readonly (Flat & { readonly daysVacant: number; readonly applications: number | null })[];
}
