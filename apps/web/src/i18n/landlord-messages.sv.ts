/** The landlord portal's messages pages in Swedish, spread into `sv.ts`; kept apart so their changes merge on their own. */
export const landlordMessagesSv = {
  'landlord.nav.messages': 'Meddelanden',
  'landlord.nav.unread': 'olästa: {n}',
  'landlord.messages.intro': 'Allt vi skickat till dig: förslag på hyresgäster som väntar på beslut, ändringar i avtalet och svar på era ärenden. Meddelandena skickas också med e-post.',
  'landlord.messages.back': 'Tillbaka till meddelanden',
  'landlord.messages.preferencesLink': 'Inställningar: e-post',
  'landlord.preferences.title': 'Inställningar för meddelanden',
  'landlord.preferences.intro': 'Alla meddelanden finns alltid här under Meddelanden. Välj vilka som också ska skickas med e-post.',
  'landlord.preferences.always': 'Förslag på hyresgäster som väntar på ert beslut skickas alltid med e-post och kan inte stängas av.',
  'landlord.preferences.kind.agreement-changed': 'Ändringar i avtalet med bostadsförmedlingen',
  'landlord.preferences.kind.case-answered': 'Svar på ärenden',
  'preferences.kind.case-answered': 'Svar på dina ärenden',
  'staff.setting.emailProposalWaiting': 'E-post: förslag som väntar på hyresvärdens beslut',
  'staff.setting.emailAgreementChanged': 'E-post: ändrat avtal (till hyresvärdens administratörer)',
  'staff.setting.emailCaseAnswered': 'E-post: svar på ärende',
  'landlord.users.language': 'Språk i meddelanden till användaren',
};
