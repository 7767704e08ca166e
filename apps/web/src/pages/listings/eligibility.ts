/** One reason the listings app would refuse an application right now. */
export interface Refusal {
  readonly code: string;
  readonly message: string;
  readonly required?: unknown;
  readonly actual?: unknown;
}

/** The listings app's answer to "may I apply?": the same rules as applying, nothing written. */
export interface Eligibility {
  readonly eligible: boolean;
  readonly checkedDeclaration: boolean;
  readonly refusals: readonly Refusal[];
}
