/** A customer case in the staff's inbox: what the applicants app keeps in the clear. */
export interface InboxCase {
  readonly caseId: string;
  readonly applicantId: string;
  readonly channel: string;
  readonly subject: string;
  readonly status: string;
  readonly registeredAt: string;
}

/** A landlord's case in the agency's list. */
export interface LandlordCaseRow {
  readonly caseId: string;
  readonly landlordId: string;
  readonly category: string;
  readonly subject: string;
  readonly status: string;
  readonly registeredAt: string;
}

/** One landlord case with its whole history, as both sides see it. */
export interface LandlordCase {
  readonly caseId: string;
  readonly landlordId: string;
  readonly subject: string;
  readonly category: string;
  readonly status: string;
  readonly history: readonly { readonly type: string; readonly at: string; readonly by: string | null; readonly data: Readonly<Record<string, unknown>> }[];
}
