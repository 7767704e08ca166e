import { settingsOn, type PolicyChange as DatedChange, type SettingLimits } from '@bostadsko/policy/settings';
import type { IsoDate } from '@bostadsko/calendar';

/** The applicants app's rules as data (DOMAIN.md's defaults), changed only from a date onwards. */
export interface ApplicantPolicy {
  /** SEK per year. */
  readonly annualFee: number;
  /** A fee notice can be paid this many days before its due date. */
  readonly earlyPaymentDays: number;
  /** Days after the due date before an unpaid fee deregisters the account (Stockholm: about 180). */
  readonly graceDays: number;
  /**
   * Swedish banking days after the last day of grace before the account is deregistered: a
   * payment counts by its value date, and the bank's file arrives a banking day or more later.
   */
  readonly settlementBankingDays: number;
  readonly minimumAge: number;
  /** Days from issuing a fee notice to its due date (the anniversary). */
  readonly noticeLeadDays: number;
  /** Failed sign-ins for one account (from one address, and from all) before attempts wait. */
  readonly signInFailuresBeforeDelay: number;
  /** Failed sign-ins from one address, over every account, before its attempts wait (credential stuffing). */
  readonly signInAddressFailuresBeforeDelay: number;
  /** Failed sign-ins are forgotten after this many minutes without one. */
  readonly signInWindowMinutes: number;
  /** The first wait once throttled; every further failure doubles it. */
  readonly signInFirstDelaySeconds: number;
  /** The longest wait for one account from one address, and for one address. */
  readonly signInMaxDelayMinutes: number;
  /** The longest wait for an account from every address: short, so nobody locks another person out for long. */
  readonly signInAccountMaxDelaySeconds: number;
}

export type PolicySetting = keyof ApplicantPolicy;

export const DEFAULT_POLICY: ApplicantPolicy = {
  annualFee: 200,
  earlyPaymentDays: 30,
  graceDays: 90,
  settlementBankingDays: 3,
  minimumAge: 18,
  noticeLeadDays: 30,
  signInFailuresBeforeDelay: 5,
  signInAddressFailuresBeforeDelay: 20,
  signInWindowMinutes: 15,
  signInFirstDelaySeconds: 1,
  signInMaxDelayMinutes: 15,
  signInAccountMaxDelaySeconds: 60,
};

export const POLICY_LIMITS: SettingLimits<ApplicantPolicy> = {
  annualFee: { min: 0, max: 10_000 },
  earlyPaymentDays: { min: 0, max: 365 },
  graceDays: { min: 0, max: 730 },
  settlementBankingDays: { min: 0, max: 20 },
  minimumAge: { min: 15, max: 100 },
  noticeLeadDays: { min: 0, max: 365 },
  signInFailuresBeforeDelay: { min: 1, max: 100 },
  signInAddressFailuresBeforeDelay: { min: 1, max: 10_000 },
  signInWindowMinutes: { min: 1, max: 1440 },
  signInFirstDelaySeconds: { min: 1, max: 3600 },
  signInMaxDelayMinutes: { min: 1, max: 1440 },
  signInAccountMaxDelaySeconds: { min: 1, max: 3600 },
};

export type PolicyChange = DatedChange<ApplicantPolicy>;

export const policyOn = (changes: readonly PolicyChange[], date: IsoDate): ApplicantPolicy => settingsOn(DEFAULT_POLICY, changes, date);
