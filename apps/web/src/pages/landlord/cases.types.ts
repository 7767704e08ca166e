/** A landlord's case as the landlords app answers (`/landlords/{id}/cases…`, OpenAPI at /docs). */

export const CASE_CATEGORIES = ['question', 'improvement', 'integration', 'system'] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];
export type CaseStatus = 'open' | 'answered' | 'closed';

export interface CaseRow {
  readonly caseId: string;
  readonly category: CaseCategory;
  readonly subject: string;
  readonly status: CaseStatus;
  readonly registeredAt: string;
  readonly updatedAt: string;
}

/** One step of a case, as both sides see it; `by` is the user's or the staff member's id. */
export type CaseStep =
  | { readonly type: 'landlord-case-registered'; readonly at: string; readonly by: string | null; readonly data: { readonly description: string } }
  | { readonly type: 'landlord-case-message-added'; readonly at: string; readonly by: string | null; readonly data: { readonly from: 'landlord' | 'agency'; readonly text: string } }
  | { readonly type: 'landlord-case-answered'; readonly at: string; readonly by: string | null; readonly data: { readonly answer: string } }
  | { readonly type: 'landlord-case-closed'; readonly at: string; readonly by: string | null; readonly data: { readonly resolution: string } };

export interface CaseDetail {
  readonly caseId: string;
  readonly category: CaseCategory;
  readonly subject: string;
  readonly status: CaseStatus;
  readonly history: readonly CaseStep[];
}

/** What the landlord typed into the new case's form, kept when it is refused. */
export interface CaseForm {
  readonly category?: string;
  readonly subject?: string;
  readonly description?: string;
}
