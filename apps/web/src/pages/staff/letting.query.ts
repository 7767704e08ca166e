import type { ApiClient, Call } from '../../api/api-client.js';
import { ApiRefusal } from '../../api/api-error.js';
import type { LettingAudit, LettingData, LettingExplanation, LettingState, ListingInProgress, StaffProposal, StaffShowing, Verification } from './letting.types.js';

/** A part that does not exist yet (no letting before the close, nobody being verified) is left out rather than failing the page. */
async function optional<T>(read: Promise<{ body: T }>): Promise<T | undefined> {
  try {
    return (await read).body;
  } catch (error) {
    if (error instanceof ApiRefusal && error.status === 404) return undefined;
    throw error;
  }
}

/** The listing and, once ranked, its letting: stage, showings and answers, proposals, explanation step by step, the audit's verdict, and who is being verified. */
export async function lettingData(api: ApiClient, call: Call, listingId: string): Promise<LettingData> {
  const base = `/listings/${listingId}/letting`;
  const [listing, letting, explanation, audit, verification, showings, proposals] = await Promise.all([
    api.get<ListingInProgress>('listings', `/listings/${listingId}`, call),
    optional(api.get<LettingState>('listings', base, call)),
    optional(api.get<LettingExplanation>('listings', `${base}/explanation`, call)),
    optional(api.get<LettingAudit>('listings', `${base}/audit`, call)),
    optional(api.get<Verification>('listings', `${base}/verification`, call)),
    optional(api.get<StaffShowing[]>('listings', `/listings/${listingId}/showings`, call)),
    optional(api.get<StaffProposal[]>('listings', `/listings/${listingId}/proposals`, call)),
  ]);
  return { listing: listing.body, letting, explanation, audit, verification, showings: showings ?? [], proposals: proposals ?? [] };
}
