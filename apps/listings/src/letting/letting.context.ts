import type { FlatDetails, ListingEvent, RankedApplicant, Requirements } from '../listing/listing.events.js';
import type { IsoDate } from '@bostadsko/calendar';

/** What the letting process needs from the `listing-<id>` stream: the published flat and its ranking. */
export interface LettingContext {
  readonly listingId: string;
  readonly landlordId: string;
  readonly flat: FlatDetails;
  readonly publishedOn: IsoDate;
  readonly requirements: Requirements;
  readonly deadline: IsoDate | undefined;
  readonly method: 'queue-days' | 'application-time' | 'lottery' | undefined;
  /** Eligible applicants in ranking order; empty until ranked. */
  readonly ranking: readonly RankedApplicant[];
  /** Ranked plus excluded: every application the listing received. */
  readonly applications: number;
  readonly status: 'open' | 'ranked' | 'let' | 'withdrawn';
  /** From the listings policy recorded with the ranking, so verification uses the rule the ranking used. */
  readonly nonTaxableIncomeFactor: number;
  /** The showing size in the listings policy at the deadline: a later policy change does not alter a listing already ranked. */
  readonly showingInvitations: number | undefined;
}

const DEFAULT_NON_TAXABLE_FACTOR = 1.5;

/** Folds a listing's events; undefined when the listing was never published. */
export function lettingContext(listingId: string, events: readonly { readonly type: string; readonly data: unknown }[]): LettingContext | undefined {
  let context: LettingContext | undefined;
  for (const event of events as readonly ListingEvent[]) {
    switch (event.type) {
      case 'listing-published':
        context = {
          listingId,
          landlordId: event.data.landlordId,
          flat: event.data.flat,
          publishedOn: event.data.publishedOn,
          requirements: event.data.requirements,
          deadline: undefined,
          method: undefined,
          ranking: [],
          applications: 0,
          status: 'open',
          nonTaxableIncomeFactor: DEFAULT_NON_TAXABLE_FACTOR,
          showingInvitations: undefined,
        };
        break;
      case 'applications-ranked':
        if (context)
          context = {
            ...context,
            deadline: event.data.deadline,
            method: event.data.method,
            ranking: [...event.data.ranking].sort((a, b) => a.place - b.place),
            applications: event.data.ranking.length + event.data.excluded.length,
            status: context.status === 'open' ? 'ranked' : context.status,
            nonTaxableIncomeFactor: typeof event.data.policy.nonTaxableIncomeFactor === 'number' ? event.data.policy.nonTaxableIncomeFactor : DEFAULT_NON_TAXABLE_FACTOR,
            showingInvitations: typeof event.data.policy.showingInvitations === 'number' ? event.data.policy.showingInvitations : undefined,
          };
        break;
      case 'listing-withdrawn':
        if (context) context = { ...context, status: 'withdrawn' };
        break;
      case 'listing-let':
        if (context) context = { ...context, status: 'let' };
        break;
    }
  }
  return context;
}

/** Short-term and first-come lettings keep the tenant's queue time (DOMAIN.md). */
export function usesQueueTime(flat: Pick<FlatDetails, 'listingType'>): boolean {
  return flat.listingType !== 'short-term' && flat.listingType !== 'first-come';
}
