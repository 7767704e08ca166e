/** A payment the applicants app registered from a form: how it was applied, or why not. */
export interface PaymentResult {
  readonly outcome: string;
  readonly duplicate: boolean;
  readonly applicantId: string | null;
  readonly reason: string | null;
  readonly amount: number;
  readonly applied: number;
  readonly lastPayDay?: string;
  readonly deregistrationOn?: string;
}

/** Every line of an uploaded bank file with its outcome. */
export interface PaymentFileReport {
  readonly fileName: string | null;
  readonly alreadyProcessed: boolean;
  readonly summary: Readonly<Record<string, number>>;
  readonly lines: readonly {
    readonly line: number;
    readonly outcome: string;
    readonly reference?: string;
    readonly amount?: number;
    readonly paidOn?: string;
    readonly applicantId?: string;
    readonly reason?: string;
    readonly messages?: readonly string[];
  }[];
}

/** A payment not applied as sent, an unmatched payment or an unreadable file line, for staff to resolve. */
/** A bank file's line that was not a payment: where, what it said, and why it could not be read. */
export interface UnreadableLine {
  readonly line: number;
  readonly text: string;
  readonly messages: readonly string[];
}

export interface Discrepancy {
  readonly id: string;
  readonly kind: string;
  readonly reason: string | null;
  readonly applicantId: string | null;
  readonly reference: string | null;
  readonly amount: number | null;
  readonly discrepancyAmount: number | null;
  readonly paidOn: string | null;
  readonly bankReference: string | null;
  /** The file's line, for a line that could not be read as a payment. */
  readonly detail: UnreadableLine | null;
  readonly recordedAt: string;
  readonly resolution: Resolution | null;
}

/** How staff settled a discrepancy, by whom (resolvedBy: a staff id, shown by name) and why. */
export interface Resolution {
  readonly resolution: string;
  readonly note: string;
  readonly resolvedBy: string;
  readonly resolvedOn: string;
  readonly match: { readonly reference: string; readonly applicantId: string } | null;
}

/** What resolving one answered: for a match, how the fee rules applied the placed payment. */
export interface ResolutionResult extends Resolution {
  readonly discrepancyId: string;
  readonly amount: number | null;
  readonly payment: PaymentResult | null;
}

export const RESOLUTIONS = ['matched', 'refunded', 'written-off', 'dismissed'] as const;
export const RESOLUTION_FIELDS = ['resolution', 'reference', 'note'] as const;

export const DISCREPANCY_KINDS = ['discrepancy', 'unmatched', 'invalid-line'] as const;
