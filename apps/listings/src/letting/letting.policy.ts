import type { ListingPolicy } from '../policy/listing-policy.js';
import type { IsoDate } from './dates.js';

/**
 * The letting process's own deadlines as data, changed only from a date
 * onwards. The showing size and the avhopp limits live in the listings policy
 * (`showingInvitations`, `avhopp*`), which the seeker decider enforces on apply.
 */
export interface LettingPolicy {
  /** Days after the last showing slot to answer "still interested"; no answer counts as no. */
  readonly interestAnswerDays: number;
  /** Days the chosen applicant has to send certificates; later is a withdrawal (avhopp). */
  readonly certificateDays: number;
}

/** Everything the letting decider needs: its own policy and the showing size from the listings policy. */
export type LettingRules = LettingPolicy & Pick<ListingPolicy, 'showingInvitations'>;

export type LettingPolicySetting = keyof LettingPolicy;

export const DEFAULT_LETTING_POLICY: LettingPolicy = { interestAnswerDays: 3, certificateDays: 7 };

export const LETTING_POLICY_LIMITS: Record<LettingPolicySetting, { readonly min: number; readonly max: number }> = {
  interestAnswerDays: { min: 1, max: 30 },
  certificateDays: { min: 1, max: 60 },
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
