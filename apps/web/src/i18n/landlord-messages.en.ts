import type { landlordMessagesSv } from './landlord-messages.sv.js';

/** The landlord portal's messages pages in English: the same keys as the Swedish, which the type checks. */
export const landlordMessagesEn: Record<keyof typeof landlordMessagesSv, string> = {
  'landlord.nav.messages': 'Messages',
  'landlord.nav.unread': 'unread: {n}',
  'landlord.messages.intro': 'Everything we have sent you: proposed tenants waiting for a decision, changes to the agreement and answers to your cases. The messages are also sent by e-mail.',
  'landlord.messages.back': 'Back to messages',
  'landlord.messages.preferencesLink': 'Settings: e-mail',
  'landlord.preferences.title': 'Message settings',
  'landlord.preferences.intro': 'Every message is always kept here under Messages. Choose which are also sent by e-mail.',
  'landlord.preferences.always': 'Proposed tenants waiting for your decision are always sent by e-mail and cannot be turned off.',
  'landlord.preferences.kind.agreement-changed': 'Changes to the agreement with the housing agency',
  'landlord.preferences.kind.case-answered': 'Answers to cases',
  'preferences.kind.case-answered': 'Answers to your cases',
  'staff.setting.emailProposalWaiting': 'E-mail: proposal waiting for the landlord’s decision',
  'staff.setting.emailAgreementChanged': 'E-mail: agreement changed (to the landlord’s administrators)',
  'staff.setting.emailCaseAnswered': 'E-mail: case answered',
  'landlord.users.language': 'Language of the user’s messages',
};
