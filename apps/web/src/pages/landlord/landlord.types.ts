import type { Listing, ListingType, Requirements } from '../listings/listing.js';

/** The shapes the landlords and listings apps answer a landlord's pages with (their OpenAPI at /docs). */

export type UserRole = 'administrator' | 'letting-agent';
export const USER_ROLES: readonly UserRole[] = ['letting-agent', 'administrator'];

export interface Me {
  readonly userId: string;
  readonly landlordId: string;
  readonly organisation: string;
  readonly role: UserRole;
  readonly name: string | null;
}

export interface Agreement {
  readonly agreementId: string;
  readonly signedOn: string;
  readonly timeline: readonly { readonly status: 'active' | 'suspended' | 'terminated'; readonly effectiveFrom: string; readonly reason: string }[];
}

export interface Organisation {
  readonly name: string;
  readonly organisationNumber: string;
  readonly agreementStatus: 'none' | 'active' | 'suspended' | 'terminated';
  readonly canPublishToday: boolean;
  readonly agreements: readonly Agreement[];
}

export interface LandlordUser {
  readonly userId: string;
  readonly role: UserRole;
  readonly status: 'active' | 'removed';
  readonly name: string | null;
  readonly email: string | null;
}

export interface GuidelineVersion {
  readonly effectiveFrom: string;
  readonly standard: Requirements;
  readonly byListingType: Readonly<Partial<Record<ListingType, Requirements>>>;
  readonly reason: string;
  readonly changedAt: string;
}

/** A listing as the listings app shows it to its landlord: after the close, how many applied and how many were ranked. */
export interface OwnListing extends Listing {
  readonly landlordId: string;
  readonly applications?: number;
  readonly eligible?: number;
  readonly endedOn?: string;
}

export interface Proposal {
  readonly proposalId: string;
  readonly place: number;
  /** Null once the applicant has closed their account. */
  readonly householdSize: number | null;
  readonly checks: readonly { readonly requirement: string; readonly passed: boolean }[];
  readonly proposedAt: string;
  readonly status: 'awaiting-decision' | 'approved' | 'rejected' | 'backed-out' | 'withdrawn' | 'tenant';
  readonly reason?: string;
}

/** The letting as its landlord may see it: showings with how many were invited per slot, and the proposals made to it. */
export interface Letting {
  readonly status: string;
  readonly showings: readonly { readonly showingId: string; readonly answerBy: string; readonly slots: readonly { readonly startsAt: string; readonly endsAt: string; readonly invited: number }[] }[];
  readonly proposals: readonly Proposal[];
}
