import type { Language, MessageKind } from '../inbox/person-messages.events.js';
import type { AlertedListing, FactsOf, FlatFacts } from './message-facts.js';

/** A message as words: a subject and paragraphs, the same for the plain text and the HTML part. */
export interface Wording {
  readonly subject: string;
  readonly paragraphs: readonly string[];
}

type Templates = { readonly [K in MessageKind]: (facts: FactsOf[K]) => Wording };

const stockholm = (instant: string, locale: string) => new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Stockholm', dateStyle: 'long', timeStyle: 'short' }).format(new Date(instant));
const date = (iso: string, locale: string) => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(`${iso}T00:00:00Z`));
const sek = (amount: number, locale: string) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'SEK', maximumFractionDigits: 2 }).format(amount);

const flatSv = (flat: FlatFacts | null, listingId: string) =>
  flat ? `${flat.rooms} rum och kök, ${flat.areaM2} m², ${flat.district}, ${flat.municipality} (${sek(flat.monthlyRent, 'sv-SE')} i månaden)` : `annons ${listingId}`;
const flatEn = (flat: FlatFacts | null, listingId: string) =>
  flat ? `${flat.rooms} rooms and kitchen, ${flat.areaM2} m², ${flat.district}, ${flat.municipality} (${sek(flat.monthlyRent, 'en-GB')} a month)` : `listing ${listingId}`;

type AgreementWords = Readonly<Record<FactsOf['agreement-changed']['status'], { readonly subject: string; readonly text: string }>>;
const AGREEMENT_SV: AgreementWords = {
  active: { subject: 'Ert avtal med bostadsförmedlingen gäller', text: 'Ert avtal med bostadsförmedlingen gäller från' },
  suspended: { subject: 'Ert avtal med bostadsförmedlingen är avstängt', text: 'Ert avtal med bostadsförmedlingen är avstängt från' },
  terminated: { subject: 'Ert avtal med bostadsförmedlingen är uppsagt', text: 'Ert avtal med bostadsförmedlingen upphör, och era öppna annonser avslutas,' },
};
const AGREEMENT_EN: AgreementWords = {
  active: { subject: 'Your agreement with the housing agency is in force', text: 'Your agreement with the housing agency is in force from' },
  suspended: { subject: 'Your agreement with the housing agency is suspended', text: 'Your agreement with the housing agency is suspended from' },
  terminated: { subject: 'Your agreement with the housing agency is terminated', text: 'Your agreement with the housing agency ends, and your open listings with it, on' },
};

const alertedSv = (l: AlertedListing) => `${flatSv(l, l.listingId)}. Sök senast ${date(l.applicationDeadline, 'sv-SE')}: /bostader/${l.listingId}`;
const alertedEn = (l: AlertedListing) => `${flatEn(l, l.listingId)}. Apply by ${date(l.applicationDeadline, 'en-GB')}: /bostader/${l.listingId}`;

const SWEDISH: Templates = {
  'fee-notice-issued': (f) => ({
    subject: `Årsavgift ${f.year}: betala senast ${date(f.dueDate, 'sv-SE')}`,
    paragraphs: [
      `Årsavgiften för att stå kvar i bostadskön är ${sek(f.amount, 'sv-SE')}.`,
      `Betala senast ${date(f.dueDate, 'sv-SE')} med OCR-nummer ${f.reference}.`,
      `Betalar du inte senast ${date(f.lastPayDay, 'sv-SE')} avregistreras du och förlorar din kötid.`,
      'Du ser avin under Mina sidor → Årsavgift.',
    ],
  }),
  'application-received': (f) => ({
    subject: 'Vi har tagit emot din intresseanmälan',
    paragraphs: [`Din intresseanmälan till ${flatSv(f.flat, f.listingId)} togs emot ${date(f.submittedOn, 'sv-SE')}.`, 'Du får besked om din plats när ansökningstiden har gått ut.'],
  }),
  'place-at-close': (f) => ({
    subject: `Din plats: ${f.place} av ${f.of}`,
    paragraphs: [
      `Ansökningstiden för ${flatSv(f.flat, f.listingId)} gick ut ${date(f.closedOn, 'sv-SE')}.`,
      `Du har plats ${f.place} av ${f.of}. De som står först bjuds in till visning.`,
      'Varför du fick din plats ser du under Mina sidor → Mina ansökningar.',
    ],
  }),
  'showing-invitation': (f) => ({
    subject: 'Du är inbjuden till visning',
    paragraphs: [
      `Du är inbjuden till visning av ${flatSv(f.flat, f.listingId)}.`,
      `Tid: ${stockholm(f.startsAt, 'sv-SE')} till ${stockholm(f.endsAt, 'sv-SE')}.`,
      `Svara senast ${date(f.answerBy, 'sv-SE')} om du fortfarande är intresserad, under Mina sidor → Mina ansökningar. Inget svar räknas som nej.`,
    ],
  }),
  'proposal-outcome': (f) => ({
    subject: f.decision === 'approved' ? 'Hyresvärden har godkänt dig som hyresgäst' : 'Hyresvärden har inte godkänt dig som hyresgäst',
    paragraphs:
      f.decision === 'approved'
        ? [`Hyresvärden har godkänt dig som hyresgäst för ${flatSv(f.flat, f.listingId)}.`, 'Hyresvärden kontaktar dig om kontraktet.']
        : [`Hyresvärden har inte godkänt dig som hyresgäst för ${flatSv(f.flat, f.listingId)}.`, ...(f.reason ? [`Skäl: ${f.reason}`] : []), 'Din kötid påverkas inte.'],
  }),
  'letting-completed': (f) => ({
    subject: 'Kontraktet är klart',
    paragraphs: [`Du har fått ${flatSv(f.flat, f.listingId)}, med kontrakt från ${date(f.contractDate, 'sv-SE')}.`, 'Dina andra ansökningar har tagits bort. Grattis till din nya bostad!'],
  }),
  'saved-search-alert': (f) => ({
    subject: f.listings.length === 1 ? 'Ny bostad som matchar din bevakning' : `${f.listings.length} nya bostäder som matchar dina bevakningar`,
    paragraphs: [
      f.daily
        ? 'Det här är dagens nya bostäder som matchar dina bevakningar och som du kan söka:'
        : f.listings.length === 1
          ? 'En ny bostad som matchar din bevakning och som du kan söka har publicerats:'
          : 'Nya bostäder som matchar dina bevakningar och som du kan söka har publicerats:',
      ...f.listings.map(alertedSv),
      'Du ändrar eller tar bort dina bevakningar under Mina sidor → Bevakningar.',
    ],
  }),
  'fee-reminder': (f) => ({
    subject: `Påminnelse: årsavgiften ska betalas senast ${date(f.dueDate, 'sv-SE')}`,
    paragraphs: [
      `Vi har inte fått din årsavgift för ${f.year} på ${sek(f.amount, 'sv-SE')} ännu.`,
      `Betala senast ${date(f.dueDate, 'sv-SE')} med OCR-nummer ${f.reference}.`,
      'Har du redan betalat kan du bortse från den här påminnelsen.',
    ],
  }),
  'fee-grace-reminder': (f) => ({
    subject: `Sista påminnelsen: betala senast ${date(f.lastPayDay, 'sv-SE')} för att behålla din kötid`,
    paragraphs: [
      `Årsavgiften för ${f.year} på ${sek(f.amount, 'sv-SE')} skulle ha betalats senast ${date(f.dueDate, 'sv-SE')}.`,
      `Betalar du senast ${date(f.lastPayDay, 'sv-SE')} med OCR-nummer ${f.reference} behåller du din kötid. Efter det avregistreras du och förlorar kötiden.`,
    ],
  }),
  'showing-reply-reminder': (f) => ({
    subject: `Påminnelse: svara senast ${date(f.answerBy, 'sv-SE')} om visningen`,
    paragraphs: [
      `Du är inbjuden till visning av ${flatSv(f.flat, f.listingId)} men har inte svarat ännu.`,
      `Svara senast ${date(f.answerBy, 'sv-SE')} under Mina sidor → Mina ansökningar. Inget svar räknas som nej.`,
    ],
  }),
  deregistered: (f) => ({
    subject: 'Du har avregistrerats ur bostadskön',
    paragraphs: [
      `Årsavgiften betalades inte i tid, så du avregistrerades ur bostadskön ${date(f.on, 'sv-SE')} och din kötid är förlorad. Dina ansökningar har tagits bort.`,
      'Betalade du inom sista betalningsdagen men betalningen kom fram senare får du tillbaka din kötid när den kommer in.',
      'Du kan registrera dig igen, men kötiden börjar då om från början.',
    ],
  }),
  'deregistration-reversed': (f) => ({
    subject: 'Du är tillbaka i bostadskön med din kötid',
    paragraphs: [
      `Din betalning kom in och var gjord i tid, så avregistreringen ${date(f.deregisteredOn, 'sv-SE')} är hävd. Din kötid räknas fortfarande från ${date(f.queueStartDate, 'sv-SE')}.`,
      'Ansökningar som togs bort vid avregistreringen kommer inte tillbaka; sök gärna igen.',
    ],
  }),
  'avhopp-recorded': (f) => ({
    subject: 'Vi har noterat ett avhopp',
    paragraphs: [
      f.kind === 'backed-out-after-yes'
        ? `Du tackade ja till ${flatSv(f.flat, f.listingId)} men drog dig ur ${date(f.on, 'sv-SE')}. Det räknas som ett avhopp.`
        : `Intygen för ${flatSv(f.flat, f.listingId)} kom inte in i tid (${date(f.on, 'sv-SE')}). Det räknas som ett avhopp.`,
      f.blockedUntil
        ? `Du har nu så många avhopp att du inte kan söka bostäder på ett tag. Du kan söka igen från ${date(f.blockedUntil, 'sv-SE')}.`
        : 'Flera avhopp inom en viss tid gör att du inte kan söka bostäder under en period. Reglerna står under Så fungerar kön.',
    ],
  }),
  'thread-answer': (f) => ({
    subject: `Svar: ${f.about}`,
    paragraphs: [...f.body.split(/\n\s*\n/), 'Du kan svara under Mina sidor → Meddelanden.'],
  }),
  'proposal-waiting': (f) => ({
    subject: 'En sökande väntar på ert beslut',
    paragraphs: [
      `Bostadsförmedlingen har föreslagit en sökande till ${flatSv(f.flat, f.listingId)}: plats ${f.place} i kön, hushåll på ${f.householdSize} ${f.householdSize === 1 ? 'person' : 'personer'}, ${f.requirementsVerified ? 'kraven kontrollerade' : 'kraven inte kontrollerade'}.`,
      'Godkänn eller avslå förslaget i hyresvärdsportalen under Mina annonser.',
    ],
  }),
  'agreement-changed': (f) => ({
    subject: AGREEMENT_SV[f.status].subject,
    paragraphs: [`${AGREEMENT_SV[f.status].text} ${date(f.effectiveFrom, 'sv-SE')}.`, `Skäl: ${f.reason}`, 'Avtalet ser ni i hyresvärdsportalen under Organisation.'],
  }),
  'case-answered': (f) => ({
    subject: `Svar på ditt ärende: ${f.subject}`,
    paragraphs: [
      `Bostadsförmedlingen svarade på ditt ärende ${stockholm(f.answeredAt, 'sv-SE')}:`,
      f.answer,
      f.from === 'landlord' ? 'Hela ärendet ser du i hyresvärdsportalen under Ärenden.' : 'Har du fler frågor kan du kontakta oss igen.',
    ],
  }),
};

const ENGLISH: Templates = {
  'fee-notice-issued': (f) => ({
    subject: `Annual fee ${f.year}: pay by ${date(f.dueDate, 'en-GB')}`,
    paragraphs: [
      `The annual fee to stay in the housing queue is ${sek(f.amount, 'en-GB')}.`,
      `Pay by ${date(f.dueDate, 'en-GB')} with OCR reference ${f.reference}.`,
      `If it is not paid by ${date(f.lastPayDay, 'en-GB')} you are deregistered and lose your queue time.`,
      'You find the notice under My pages → Annual fee.',
    ],
  }),
  'application-received': (f) => ({
    subject: 'We have received your application',
    paragraphs: [`Your application for ${flatEn(f.flat, f.listingId)} was received on ${date(f.submittedOn, 'en-GB')}.`, 'You will be told your place when the application period ends.'],
  }),
  'place-at-close': (f) => ({
    subject: `Your place: ${f.place} of ${f.of}`,
    paragraphs: [
      `Applications for ${flatEn(f.flat, f.listingId)} closed on ${date(f.closedOn, 'en-GB')}.`,
      `You are number ${f.place} of ${f.of}. Those first in line are invited to a showing.`,
      'Why you got your place is shown under My pages → My applications.',
    ],
  }),
  'showing-invitation': (f) => ({
    subject: 'You are invited to a showing',
    paragraphs: [
      `You are invited to a showing of ${flatEn(f.flat, f.listingId)}.`,
      `Time: ${stockholm(f.startsAt, 'en-GB')} to ${stockholm(f.endsAt, 'en-GB')}.`,
      `Say by ${date(f.answerBy, 'en-GB')} whether you are still interested, under My pages → My applications. No answer counts as no.`,
    ],
  }),
  'proposal-outcome': (f) => ({
    subject: f.decision === 'approved' ? 'The landlord has approved you as tenant' : 'The landlord has not approved you as tenant',
    paragraphs:
      f.decision === 'approved'
        ? [`The landlord has approved you as tenant of ${flatEn(f.flat, f.listingId)}.`, 'The landlord will contact you about the contract.']
        : [`The landlord has not approved you as tenant of ${flatEn(f.flat, f.listingId)}.`, ...(f.reason ? [`Reason: ${f.reason}`] : []), 'Your queue time is not affected.'],
  }),
  'letting-completed': (f) => ({
    subject: 'Your contract is done',
    paragraphs: [`You have been let ${flatEn(f.flat, f.listingId)}, with a contract from ${date(f.contractDate, 'en-GB')}.`, 'Your other applications have been withdrawn. Enjoy your new home!'],
  }),
  'saved-search-alert': (f) => ({
    subject: f.listings.length === 1 ? 'A new home matching your saved search' : `${f.listings.length} new homes matching your saved searches`,
    paragraphs: [
      f.daily
        ? 'These are today’s new homes that match your saved searches and that you may apply for:'
        : f.listings.length === 1
          ? 'A new home that matches your saved search and that you may apply for has been published:'
          : 'New homes that match your saved searches and that you may apply for have been published:',
      ...f.listings.map(alertedEn),
      'You change or delete your saved searches under My pages → Saved searches.',
    ],
  }),
  'fee-reminder': (f) => ({
    subject: `Reminder: the annual fee is due by ${date(f.dueDate, 'en-GB')}`,
    paragraphs: [
      `We have not yet received your annual fee for ${f.year} of ${sek(f.amount, 'en-GB')}.`,
      `Pay by ${date(f.dueDate, 'en-GB')} with OCR reference ${f.reference}.`,
      'If you have already paid, please disregard this reminder.',
    ],
  }),
  'fee-grace-reminder': (f) => ({
    subject: `Last reminder: pay by ${date(f.lastPayDay, 'en-GB')} to keep your queue time`,
    paragraphs: [
      `The annual fee for ${f.year} of ${sek(f.amount, 'en-GB')} was due by ${date(f.dueDate, 'en-GB')}.`,
      `If you pay by ${date(f.lastPayDay, 'en-GB')} with OCR reference ${f.reference} you keep your queue time. After that you are deregistered and lose it.`,
    ],
  }),
  'showing-reply-reminder': (f) => ({
    subject: `Reminder: answer about the showing by ${date(f.answerBy, 'en-GB')}`,
    paragraphs: [
      `You are invited to a showing of ${flatEn(f.flat, f.listingId)} but have not answered yet.`,
      `Answer by ${date(f.answerBy, 'en-GB')} under My pages → My applications. No answer counts as no.`,
    ],
  }),
  deregistered: (f) => ({
    subject: 'You have been deregistered from the housing queue',
    paragraphs: [
      `The annual fee was not paid in time, so you were deregistered from the housing queue on ${date(f.on, 'en-GB')} and your queue time is lost. Your applications have been withdrawn.`,
      'If you paid by the last pay day but the payment arrives later, your queue time is restored when it comes in.',
      'You may register again, but your queue time then starts from the beginning.',
    ],
  }),
  'deregistration-reversed': (f) => ({
    subject: 'You are back in the housing queue with your queue time',
    paragraphs: [
      `Your payment came in and was made in time, so the deregistration of ${date(f.deregisteredOn, 'en-GB')} is reversed. Your queue time still counts from ${date(f.queueStartDate, 'en-GB')}.`,
      'Applications withdrawn at the deregistration do not come back; please apply again.',
    ],
  }),
  'avhopp-recorded': (f) => ({
    subject: 'We have recorded a withdrawal (avhopp)',
    paragraphs: [
      f.kind === 'backed-out-after-yes'
        ? `You said yes to ${flatEn(f.flat, f.listingId)} but backed out on ${date(f.on, 'en-GB')}. This counts as a withdrawal (avhopp).`
        : `The certificates for ${flatEn(f.flat, f.listingId)} did not arrive in time (${date(f.on, 'en-GB')}). This counts as a withdrawal (avhopp).`,
      f.blockedUntil
        ? `You now have so many withdrawals that you cannot apply for flats for a while. You can apply again from ${date(f.blockedUntil, 'en-GB')}.`
        : 'Several withdrawals within a certain time stop you applying for a while. The rules are under How the queue works.',
    ],
  }),
  'thread-answer': (f) => ({
    subject: `Answer: ${f.about}`,
    paragraphs: [...f.body.split(/\n\s*\n/), 'You can reply under My pages → Messages.'],
  }),
  'proposal-waiting': (f) => ({
    subject: 'An applicant is waiting for your decision',
    paragraphs: [
      `The housing agency has proposed an applicant for ${flatEn(f.flat, f.listingId)}: place ${f.place} in the queue, a household of ${f.householdSize}, ${f.requirementsVerified ? 'requirements verified' : 'requirements not verified'}.`,
      'Approve or reject the proposal in the landlord portal under My listings.',
    ],
  }),
  'agreement-changed': (f) => ({
    subject: AGREEMENT_EN[f.status].subject,
    paragraphs: [`${AGREEMENT_EN[f.status].text} ${date(f.effectiveFrom, 'en-GB')}.`, `Reason: ${f.reason}`, 'You find the agreement in the landlord portal under Organisation.'],
  }),
  'case-answered': (f) => ({
    subject: `Answer to your case: ${f.subject}`,
    paragraphs: [
      `The housing agency answered your case on ${stockholm(f.answeredAt, 'en-GB')}:`,
      f.answer,
      f.from === 'landlord' ? 'You find the whole case in the landlord portal under Cases.' : 'If you have more questions, you are welcome to contact us again.',
    ],
  }),
};

export const CATALOGUE: Readonly<Record<Language, Templates>> = { sv: SWEDISH, en: ENGLISH };
