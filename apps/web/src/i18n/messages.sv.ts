/** The messages pages' texts in Swedish, spread into `sv.ts`; kept apart so their changes merge on their own. */
export const messagesSv = {
  'messages.title': 'Meddelanden',
  'mine.messages.text': 'Allt vi skickat till dig om avgifter och ansökningar.',
  'messages.none': 'Du har inga meddelanden ännu.',
  'messages.unread': 'Oläst',
  'messages.read': 'Läst',
  'messages.received': 'Mottaget',
  'messages.subject': 'Ämne',
  'messages.status': 'Status',
  'messages.markRead': 'Markera som läst',
  'messages.markedRead': 'Meddelandet är markerat som läst.',
  'messages.back': 'Tillbaka till meddelanden',
  'devMail.title': 'Utvecklingsbrevlåda',
  'devMail.intro': 'All e-post som systemet skickat till den lokala SMTP-servern, senaste först. Finns bara utanför produktion.',
  'devMail.none': 'Ingen e-post har skickats ännu.',
  'devMail.to': 'Till',
  'devMail.from': 'Från',
};
