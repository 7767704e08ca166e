import type { SettingLimits } from '@bostadsko/policy/settings';
import type { ListingPolicy } from '../policy/listing-policy.js';

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

export const LETTING_POLICY_LIMITS: SettingLimits<LettingPolicy> = {
  interestAnswerDays: { min: 1, max: 30 },
  certificateDays: { min: 1, max: 60 },
};
