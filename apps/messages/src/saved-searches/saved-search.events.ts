import type { ListingType } from '@bostadsko/contracts';

/** At once when a matching listing is published, or gathered into one message a day at the person's digest time. */
export type AlertMode = 'immediate' | 'daily';
export const ALERT_MODES: readonly AlertMode[] = ['immediate', 'daily'];

/** The search page's filters (as the listings API names them), and the list types the seeker wants to hear of (none: every type). */
export interface SearchFilters {
  readonly municipality: string | null;
  readonly district: string | null;
  readonly roomsMin: number | null;
  readonly roomsMax: number | null;
  readonly rentMin: number | null;
  readonly rentMax: number | null;
  readonly areaMin: number | null;
  readonly areaMax: number | null;
  readonly moveInFrom: string | null;
  readonly moveInTo: string | null;
  readonly listTypes: readonly ListingType[];
}

/** A seeker's saved searches (bevakningar): a stream per seeker, `saved_searches-<applicantId>`. */
export const SAVED_SEARCHES_PREFIX = 'saved_searches-';
export const savedSearchesStream = (applicantId: string) => `${SAVED_SEARCHES_PREFIX}${applicantId}`;

export type SavedSearchEvent =
  | { readonly type: 'search-saved'; readonly data: { readonly searchId: string; readonly filters: SearchFilters; readonly alerts: AlertMode; readonly savedAt: string } }
  | { readonly type: 'search-alerts-changed'; readonly data: { readonly searchId: string; readonly alerts: AlertMode } }
  | { readonly type: 'search-deleted'; readonly data: { readonly searchId: string; readonly at: string } }
  | { readonly type: 'searches-erased'; readonly data: { readonly on: string } };
