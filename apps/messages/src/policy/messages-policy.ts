import type { PolicyChange as DatedChange, SettingLimits } from '@bostadsko/policy';
import type { MessageKind } from '../inbox/person-messages.events.js';

/**
 * The messages app's rules as data, changed only from a date onwards: which kinds
 * are also e-mailed (1) or kept in the inbox only (0), and how delivery retries.
 * Fee and letting messages cannot be turned off (DOMAIN.md), so their minimum is 1.
 * Reminders (fee reminders, the day before a reply deadline) and their lead times
 * are not built yet; they come as settings of their own.
 */
export interface MessagesPolicy {
  readonly emailFeeNotice: number;
  readonly emailApplicationReceived: number;
  readonly emailPlaceAtClose: number;
  readonly emailShowingInvitation: number;
  readonly emailProposalOutcome: number;
  readonly emailLettingCompleted: number;
  /** Seconds before the first retry of a failed delivery; each later one waits twice as long. */
  readonly retryAfterSeconds: number;
  /** The longest wait between retries, in seconds: a mail server that is down is tried at least this often. */
  readonly retryAtMostEverySeconds: number;
}

export type PolicySetting = keyof MessagesPolicy;

export const DEFAULT_POLICY: MessagesPolicy = {
  emailFeeNotice: 1,
  emailApplicationReceived: 1,
  emailPlaceAtClose: 1,
  emailShowingInvitation: 1,
  emailProposalOutcome: 1,
  emailLettingCompleted: 1,
  retryAfterSeconds: 30,
  retryAtMostEverySeconds: 3600,
};

export const POLICY_LIMITS: SettingLimits<MessagesPolicy> = {
  emailFeeNotice: { min: 1, max: 1 },
  emailApplicationReceived: { min: 0, max: 1 },
  emailPlaceAtClose: { min: 0, max: 1 },
  emailShowingInvitation: { min: 1, max: 1 },
  emailProposalOutcome: { min: 1, max: 1 },
  emailLettingCompleted: { min: 1, max: 1 },
  retryAfterSeconds: { min: 1, max: 3600 },
  retryAtMostEverySeconds: { min: 60, max: 86_400 },
};

export const EMAIL_SETTING: Readonly<Record<MessageKind, PolicySetting>> = {
  'fee-notice-issued': 'emailFeeNotice',
  'application-received': 'emailApplicationReceived',
  'place-at-close': 'emailPlaceAtClose',
  'showing-invitation': 'emailShowingInvitation',
  'proposal-outcome': 'emailProposalOutcome',
  'letting-completed': 'emailLettingCompleted',
};

export type PolicyChange = DatedChange<MessagesPolicy>;
