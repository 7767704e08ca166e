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
