import type { IsoDate } from './dates.js';

/** The letting process's rules as data (DOMAIN.md's defaults), changed only from a date onwards. */
export interface LettingPolicy {
  /** How many of the best-ranked applicants not yet invited one showing invites. */
  readonly showingInvitations: number;
  /** Days after the last showing slot to answer "still interested"; no answer counts as no. */
  readonly interestAnswerDays: number;
  /** Days the chosen applicant has to send certificates; later is a withdrawal (avhopp). */
  readonly certificateDays: number;
  /** This many withdrawals (avhopp) within the window block applying. */
  readonly avhoppLimit: number;
  readonly avhoppWindowMonths: number;
  readonly avhoppBlockMonths: number;
}

export type LettingPolicySetting = keyof LettingPolicy;

export const DEFAULT_LETTING_POLICY: LettingPolicy = {
  showingInvitations: 10,
  interestAnswerDays: 3,
  certificateDays: 7,
  avhoppLimit: 2,
  avhoppWindowMonths: 12,
  avhoppBlockMonths: 6,
};

export const LETTING_POLICY_LIMITS: Record<LettingPolicySetting, { readonly min: number; readonly max: number }> = {
  showingInvitations: { min: 1, max: 100 },
  interestAnswerDays: { min: 1, max: 30 },
  certificateDays: { min: 1, max: 60 },
  avhoppLimit: { min: 1, max: 10 },
  avhoppWindowMonths: { min: 1, max: 60 },
  avhoppBlockMonths: { min: 0, max: 60 },
};

export interface LettingPolicyChange {
  readonly setting: LettingPolicySetting;
  readonly value: number;
  readonly effectiveFrom: IsoDate;
  readonly reason: string;
  readonly decidedBy: string;
  readonly decidedAt: string;
}

/** The policy in force on a date: later changes never rewrite what applied before them. */
export function lettingPolicyOn(changes: readonly LettingPolicyChange[], date: IsoDate): LettingPolicy {
  return changes
    .filter((c) => c.effectiveFrom <= date)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.decidedAt.localeCompare(b.decidedAt))
    .reduce<LettingPolicy>((policy, change) => ({ ...policy, [change.setting]: change.value }), DEFAULT_LETTING_POLICY);
}
