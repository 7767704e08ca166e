import type { SettingLimits } from '@bostadsko/policy';
import type { MessageKind } from '../inbox/person-messages.events.js';

/**
 * The messages app's rules as data, changed only from a date onwards: which kinds
 * are also e-mailed (1) or kept in the inbox only (0), and how delivery retries.
 * Fee and letting messages cannot be turned off (DOMAIN.md), so their minimum is 1.
 * Reminders and their lead times in days: before a fee's due date, before the
 * last pay day of the grace period, before a showing's reply deadline.
 */
export interface MessagesPolicy {
  readonly emailFeeNotice: number;
  readonly emailApplicationReceived: number;
  readonly emailPlaceAtClose: number;
  readonly emailShowingInvitation: number;
  readonly emailProposalOutcome: number;
  readonly emailLettingCompleted: number;
  readonly emailSavedSearchAlert: number;
  readonly emailFeeReminder: number;
  readonly emailShowingReplyReminder: number;
  readonly emailDeregistration: number;
  readonly emailAvhopp: number;
  /** Staff's answer to a seeker's reply; the seeker may keep it in the inbox only. */
  readonly emailThreadAnswer: number;
  /** To a landlord's users when an applicant is proposed for its listing: a letting message, always e-mailed. */
  readonly emailProposalWaiting: number;
  /** To a landlord's administrators when its agreement is signed, suspended, reinstated or terminated. */
  readonly emailAgreementChanged: number;
  /** To the seeker or landlord user who opened a case, when staff answer it. */
  readonly emailCaseAnswered: number;
  readonly feeReminderDaysBeforeDue: number;
  readonly feeGraceReminderDaysBeforeLastPayDay: number;
  readonly showingReplyReminderDaysBefore: number;
  /** How many saved searches (bevakningar) one seeker may keep. */
  readonly savedSearchesPerSeeker: number;
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
  emailSavedSearchAlert: 1,
  emailFeeReminder: 1,
  emailShowingReplyReminder: 1,
  emailDeregistration: 1,
  emailAvhopp: 1,
  emailThreadAnswer: 1,
  emailProposalWaiting: 1,
  emailAgreementChanged: 1,
  emailCaseAnswered: 1,
  feeReminderDaysBeforeDue: 7,
  feeGraceReminderDaysBeforeLastPayDay: 14,
  showingReplyReminderDaysBefore: 1,
  savedSearchesPerSeeker: 10,
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
  emailSavedSearchAlert: { min: 0, max: 1 },
  emailFeeReminder: { min: 1, max: 1 },
  emailShowingReplyReminder: { min: 1, max: 1 },
  emailDeregistration: { min: 1, max: 1 },
  emailAvhopp: { min: 1, max: 1 },
  emailThreadAnswer: { min: 0, max: 1 },
  emailProposalWaiting: { min: 1, max: 1 },
  emailAgreementChanged: { min: 0, max: 1 },
  emailCaseAnswered: { min: 0, max: 1 },
  feeReminderDaysBeforeDue: { min: 1, max: 60 },
  feeGraceReminderDaysBeforeLastPayDay: { min: 1, max: 180 },
  showingReplyReminderDaysBefore: { min: 1, max: 14 },
  savedSearchesPerSeeker: { min: 1, max: 50 },
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
  'saved-search-alert': 'emailSavedSearchAlert',
  'fee-reminder': 'emailFeeReminder',
  'fee-grace-reminder': 'emailFeeReminder',
  'showing-reply-reminder': 'emailShowingReplyReminder',
  deregistered: 'emailDeregistration',
  'deregistration-reversed': 'emailDeregistration',
  'avhopp-recorded': 'emailAvhopp',
  'thread-answer': 'emailThreadAnswer',
  'proposal-waiting': 'emailProposalWaiting',
  'agreement-changed': 'emailAgreementChanged',
  'case-answered': 'emailCaseAnswered',
};

/** The kinds a person may stop having e-mailed: those the policy itself may turn off (fee and letting messages may not be). */
export const OPTIONAL_EMAIL_KINDS = (Object.entries(EMAIL_SETTING) as [MessageKind, PolicySetting][]).filter(([, setting]) => POLICY_LIMITS[setting].min === 0).map(([kind]) => kind);

/** The kinds written only to landlord users: a seeker's preferences leave them out. */
const LANDLORD_ONLY_KINDS: readonly MessageKind[] = ['proposal-waiting', 'agreement-changed'];

/** The kinds a seeker may stop having e-mailed (their preferences page). */
export const SEEKER_OPTIONAL_EMAIL_KINDS = OPTIONAL_EMAIL_KINDS.filter((kind) => !LANDLORD_ONLY_KINDS.includes(kind));

/** The kinds a landlord user may stop having e-mailed: of those they are sent, the ones the policy may turn off. */
export const LANDLORD_OPTIONAL_EMAIL_KINDS = OPTIONAL_EMAIL_KINDS.filter((kind) => LANDLORD_ONLY_KINDS.includes(kind) || kind === 'case-answered');
