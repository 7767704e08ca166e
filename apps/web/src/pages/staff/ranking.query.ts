import type { ApiClient, Call } from '../../api/api-client.js';
import { ApiRefusal } from '../../api/api-error.js';
import type { Account } from '../mine/mine.types.js';
import type { LettingState, ListingInProgress, RankingPage } from './letting.types.js';

/** The people of one ranking page at a time: a stated reason covers at most 20 people (server/session.ts). */
export const RANKING_PAGE_SIZE = 20;

export interface RankingData {
  readonly listing: ListingInProgress;
  readonly ranking: RankingPage;
  /** Each ranked application's outcome in the letting so far, by application id. */
  readonly outcomes: ReadonlyMap<string, string>;
  /** The names read with a stated reason, by applicant id; none without one. */
  readonly names: ReadonlyMap<string, string>;
}

/**
 * A page of the decided ranking with each place's outcome in the letting. Names are personal data: they are
 * read, one person at a time, only for those a reason was stated for, so each read is logged with it.
 */
export async function rankingData(api: ApiClient, call: Call, listingId: string, page: number, reasonFor: (applicantId: string) => string | undefined): Promise<RankingData> {
  const [listing, ranking, letting] = await Promise.all([
    api.get<ListingInProgress>('listings', `/listings/${listingId}`, call),
    api.get<RankingPage>('listings', `/listings/${listingId}/ranking`, { ...call, query: { page, pageSize: RANKING_PAGE_SIZE } }),
    api.get<LettingState>('listings', `/listings/${listingId}/letting`, call).catch((error: unknown) => {
      if (error instanceof ApiRefusal && error.status === 404) return undefined;
      throw error;
    }),
  ]);
  const outcomes = new Map((letting?.body.candidates ?? []).map((candidate) => [candidate.applicationId, candidate.outcome]));
  const named = ranking.body.ranking.flatMap((place) => {
    const reason = reasonFor(place.applicantId);
    return reason === undefined ? [] : [{ applicantId: place.applicantId, reason }];
  });
  const accounts = await Promise.all(named.map(({ applicantId, reason }) => api.get<Account>('applicants', `/applicants/${applicantId}`, { ...call, accessReason: reason })));
  // An erased person has no name left to show.
  const names = new Map(accounts.flatMap(({ body }) => (body.personal ? [[body.applicantId, body.personal.name] as const] : [])));
  return { listing: listing.body, ranking: ranking.body, outcomes, names };
}
