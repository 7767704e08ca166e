import { settingsOn, type PolicyChange as DatedChange, type SettingLimits } from '@bostadsko/policy/settings';
import type { IsoDate } from '@bostadsko/calendar';

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

export const POLICY_LIMITS: SettingLimits<ListingPolicy> = {
  maxActiveApplications: { min: 1, max: 100 },
  showingInvitations: { min: 1, max: 100 },
  avhoppLimit: { min: 1, max: 20 },
  avhoppWindowMonths: { min: 1, max: 60 },
  avhoppBlockMonths: { min: 0, max: 60 },
  nonTaxableIncomeFactor: { min: 1, max: 3 },
  maxApplicationDays: { min: 1, max: 365 },
};

export type PolicyChange = DatedChange<ListingPolicy>;

export const policyOn = (changes: readonly PolicyChange[], date: IsoDate): ListingPolicy => settingsOn(DEFAULT_POLICY, changes, date);
