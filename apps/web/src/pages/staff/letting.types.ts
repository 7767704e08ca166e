/** A listing as the listings app lists those in progress. */
export interface ListingInProgress {
  readonly listingId: string;
  readonly status: string;
  readonly address: string;
  readonly district: string;
  readonly municipality: string;
  readonly applicationDeadline: string;
}

/** Where a letting stands, for staff: the app's own words for the stage, and every ranked candidate's outcome so far. */
export interface LettingState {
  readonly status: string;
  readonly stage: string;
  readonly candidates: readonly { readonly applicationId: string; readonly applicantId: string; readonly place: number; readonly outcome: string; readonly certificatesDue: string }[];
}

/** Every step of the letting with the app's explanation of it. */
export interface LettingExplanation {
  readonly steps: readonly { readonly at: string; readonly type: string; readonly by: string; readonly explanation: string }[];
}

/** The allocation re-derived from the log and compared with what was recorded. */
export interface LettingAudit {
  readonly events: number;
  readonly consistent: boolean;
  readonly differences: readonly unknown[];
}

/** The applicant whose certificates are being checked. */
export interface Verification {
  readonly applicationId: string;
  readonly place: number;
  readonly certificatesDue: string;
}

export interface LettingData {
  readonly listing: ListingInProgress;
  readonly showings: readonly StaffShowing[];
  readonly proposals: readonly StaffProposal[];
  readonly letting?: LettingState;
  readonly explanation?: LettingExplanation;
  readonly audit?: LettingAudit;
  readonly verification?: Verification;
}

export const VERIFICATION_FIELDS = {
  certificatesReceivedOn: 'certificatesReceivedOn',
  householdSize: 'householdSize',
  taxableIncome: 'taxableIncome',
  nonTaxableIncome: 'nonTaxableIncome',
  birthDate: 'birthDate',
  hasPaymentRemarks: 'hasPaymentRemarks',
} as const;

/** The showing form's inputs, and the listings app's names for its fields as those inputs' ids. */
export const SHOWING_FIELDS = { date: 'vi-datum', start: 'vi-start', end: 'vi-slut', answerBy: 'vi-svar' } as const;
export const SHOWING_API_FIELDS: Readonly<Record<string, string>> = {
  slots: SHOWING_FIELDS.date,
  'slots.0.startsAt': SHOWING_FIELDS.start,
  'slots.0.endsAt': SHOWING_FIELDS.end,
  answerBy: SHOWING_FIELDS.answerBy,
};

/** One showing as staff see it: its slots with how many were invited to each, and every invitee's answer. */
export interface StaffShowing {
  readonly showingId: string;
  readonly answerBy: string;
  readonly slots: readonly { readonly startsAt: string; readonly endsAt: string; readonly invited: number }[];
  readonly invitations?: readonly {
    readonly applicationId: string;
    readonly applicantId: string;
    readonly place: number;
    readonly slot: number;
    readonly answer: 'pending' | 'interested' | 'declined' | 'expired' | 'withdrawn';
    readonly answeredAt: string | null;
  }[];
}

/** A contract proposal to the landlord and where it stands; the decision is the landlord's. */
export interface StaffProposal {
  readonly proposalId: string;
  readonly place: number;
  readonly householdSize: number | null;
  readonly checks: readonly { readonly requirement: string; readonly passed: boolean }[];
  readonly proposedAt: string;
  readonly status: string;
  readonly reason?: string;
}

/** A page of the decided ranking, for staff. */
export interface RankingPage {
  readonly status: string;
  readonly eligible: number | null;
  readonly page: number;
  readonly pageSize: number;
  readonly ranking: readonly { readonly place: number; readonly applicationId: string; readonly applicantId: string; readonly queueDays: number }[];
}
