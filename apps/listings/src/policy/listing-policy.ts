import type { IsoDate } from './calendar.js';

/** The listings app's rules as data (DOMAIN.md's defaults), changed only from a date onwards. */
export interface ListingPolicy {
  /** Applications a seeker may have open at once. */
  readonly maxActiveApplications: number;
  /** Top eligible applicants invited to a showing after the deadline. */
  readonly showingInvitations: number;
  /** Avhopp: this many withdrawals within the window block applying. */
  readonly avhoppLimit: number;
  readonly avhoppWindowMonths: number;
  readonly avhoppBlockMonths: number;
  /** Non-taxable income (e.g. housing allowance) counts this many times against the income requirement. */
  readonly nonTaxableIncomeFactor: number;
  /** Longest time from publication to the application deadline. */
  readonly maxApplicationDays: number;
}

export type PolicySetting = keyof ListingPolicy;

export const DEFAULT_POLICY: ListingPolicy = {
  maxActiveApplications: 5,
  showingInvitations: 10,
  avhoppLimit: 2,
  avhoppWindowMonths: 12,
  avhoppBlockMonths: 6,
  nonTaxableIncomeFactor: 1.5,
  maxApplicationDays: 60,
};

export const POLICY_LIMITS: Record<PolicySetting, { readonly min: number; readonly max: number }> = {
  maxActiveApplications: { min: 1, max: 100 },
  showingInvitations: { min: 1, max: 100 },
  avhoppLimit: { min: 1, max: 20 },
  avhoppWindowMonths: { min: 1, max: 60 },
  avhoppBlockMonths: { min: 0, max: 60 },
  nonTaxableIncomeFactor: { min: 1, max: 3 },
  maxApplicationDays: { min: 1, max: 365 },
};

export interface PolicyChange {
  readonly setting: PolicySetting;
  readonly value: number;
  readonly effectiveFrom: IsoDate;
  readonly reason: string;
  readonly decidedBy: string;
  readonly decidedAt: string;
}

/** The policy in force on a date: later changes never rewrite what applied before them. */
export function policyOn(changes: readonly PolicyChange[], date: IsoDate): ListingPolicy {
  const inForce = changes
    .filter((c) => c.effectiveFrom <= date)
    .sort((a, b) => (a.effectiveFrom === b.effectiveFrom ? a.decidedAt.localeCompare(b.decidedAt) : a.effectiveFrom.localeCompare(b.effectiveFrom)));
  return inForce.reduce<ListingPolicy>((policy, change) => ({ ...policy, [change.setting]: change.value }), DEFAULT_POLICY);
}
