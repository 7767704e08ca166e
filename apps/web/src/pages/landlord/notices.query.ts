import type { ApiClient, Call } from '../../api/api-client.js';
import type { CaseRow } from './cases.types.js';

/** An applicant proposed to the landlord and not yet decided on: pseudonymous, as the landlords app keeps it. */
interface PendingProposal {
  readonly proposalId: string;
  readonly listingId: string;
  readonly place: number;
  readonly proposedAt: string;
}

/** What waits for the organisation: proposals to decide, and cases the agency has answered. */
export interface Notices {
  readonly proposals: readonly PendingProposal[];
  readonly answered: readonly CaseRow[];
}

/** Read with the landlord's own token from the landlords app's views of its organisation; the web decides nothing about them. */
export async function noticesOf(api: ApiClient, call: Call, landlordId: string): Promise<Notices> {
  const base = `/landlords/${landlordId}`;
  const [proposals, answered] = await Promise.all([
    api.get<PendingProposal[]>('landlords', `${base}/proposals`, { ...call, query: { pending: 'true', limit: 50 } }),
    api.get<CaseRow[]>('landlords', `${base}/cases`, { ...call, query: { status: 'answered' } }),
  ]);
  return { proposals: proposals.body, answered: answered.body };
}
