/** A listing as the listings app's public search and listing page give it. */
export interface Listing {
  readonly listingId: string;
  readonly status: string;
  readonly address: string;
  readonly municipality: string;
  readonly district: string;
  readonly rooms: number;
  readonly areaM2: number;
  readonly monthlyRent: number;
  readonly floor: number;
  readonly lift: boolean;
  readonly moveInDate: string;
  readonly listingType: ListingType;
  readonly applicationDeadline: string;
  readonly publishedOn: string;
  readonly requirements: Requirements;
  readonly allocationMethod: 'queue-days' | 'first-come' | 'lottery';
  /** Published with a lottery listing, so anyone can check the draw's seed afterwards. */
  readonly lotterySeedHash?: string;
}

export const LISTING_TYPES = ['regular', 'youth', 'senior', 'student', 'short-term', 'first-come', 'lottery'] as const;
export type ListingType = (typeof LISTING_TYPES)[number];

export interface Requirements {
  readonly minAge: number | null;
  readonly maxAge: number | null;
  readonly incomeMultiple: number | null;
  readonly maxHouseholdSize: number | null;
  readonly noPaymentRemarks: boolean;
}

export interface SearchResult {
  readonly items: readonly Listing[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  readonly sort: string;
}
