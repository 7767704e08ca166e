import { randomUUID } from 'node:crypto';
import { addDays, stockholmDate } from '@bostadsko/calendar';
import { ContactDetailsChangedV1, FeeNoticePaidV1, ShowingAnsweredV1, ShowingScheduledV1, TrainingClockMovedV1 } from '@bostadsko/contracts';
import type { Infrastructure } from '@bostadsko/runtime';
import { eventually } from '../../../test/support/eventually.js';
import { busMessage, feeNoticeIssued, startMessagesApp, type MessagesAppOverSmtp } from '../../../test/support/messages-app.js';

const today = stockholmDate(new Date());

describe('reminders driven by the training clock, over real SMTP on real PostgreSQL', () => {
  let messagesApp: MessagesAppOverSmtp;
  let infra: Infrastructure;

  const mailTo = (address: string) => messagesApp.mailTo(address);
  const person = async () => {
    const id = randomUUID();
    const email = `reminded-${id.slice(0, 8)}@example.se`;
    await infra.bus.publish([busMessage(ContactDetailsChangedV1.type, id, { applicantId: id, email })]);
    return { id, email };
  };
  const reminders = (state: string) => infra.pool.query(`SELECT count(*)::int AS n FROM messages.reminders WHERE state = $1`, [state]).then((r) => r.rows[0].n as number);
  /** Business time moves to `days` after the real date, as an administrator's move does in every app. */
  const moveClockTo = async (days: number) => {
    await infra.bus.publish([busMessage(TrainingClockMovedV1.type, 'training-clock', { offsetDays: days, businessDate: addDays(today, days) })]);
  };
  const quietFor = (ms: number) => new Promise((r) => setTimeout(r, ms));

  beforeAll(async () => {
    messagesApp = await startMessagesApp({ database: 'reminders', settings: { REMINDER_INTERVAL_MS: '200', RUN_MODE: 'training' } });
    ({ infra } = messagesApp);
  });

  afterAll(() => messagesApp?.close());

  test('fee reminders before the due date and in the grace period (with the day the queue time is lost), none after payment; a showing reply reminder the day before, none after an answer', async () => {
    const unpaid = await person();
    const paid = await person();
    const invited = await person();
    const answered = await person();
    const notice = (who: { id: string }) => feeNoticeIssued(who.id, { noticeId: `${who.id}/2027`, year: 2027, dueDate: addDays(today, 10), lastPayDay: addDays(today, 40) });
    const listingId = randomUUID();
    const applications = { [invited.id]: randomUUID(), [answered.id]: randomUUID() };
    const showing = busMessage(ShowingScheduledV1.type, listingId, {
      listingId,
      showingId: randomUUID(),
      answerBy: addDays(today, 5),
      invited: [invited, answered].map(({ id }) => ({ applicantId: id, applicationId: applications[id], startsAt: `${addDays(today, 3)}T15:00:00Z`, endsAt: `${addDays(today, 3)}T15:30:00Z` })),
    });
    await infra.bus.publish([notice(unpaid), notice(paid), showing, showing]);
    await eventually(
      () => reminders('pending'),
      (n) => n === 6,
    );
    const initial = async (who: { email: string }) => (await mailTo(who.email)).length;
    // The notice and the invitation themselves are mailed; no reminder yet.
    await eventually(
      () => Promise.all([unpaid, paid, invited, answered].map(initial)),
      (counts) => counts.every((n) => n === 1),
    );

    await infra.bus.publish([
      busMessage(FeeNoticePaidV1.type, paid.id, { applicantId: paid.id, noticeId: `${paid.id}/2027`, paidOn: today }),
      busMessage(ShowingAnsweredV1.type, listingId, { listingId, applicationId: applications[answered.id], applicantId: answered.id, interested: true, answeredAt: new Date().toISOString() }),
    ]);
    await eventually(
      () => reminders('cancelled'),
      (n) => n === 3,
    );

    // The day before the reply deadline (lead 1 day): the invited seeker who has not answered is reminded.
    await moveClockTo(4);
    const showingMail = await eventually(
      () => mailTo(invited.email),
      (m) => m.length >= 2,
    );
    expect(showingMail.map((m) => m.subject)).toContain(
      `Påminnelse: svara senast ${new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${addDays(today, 5)}T00:00:00Z`))} om visningen`,
    );
    // Seven days before the due date is day 3: passed, so the fee reminder goes with the same move.
    const feeMail = await eventually(
      () => mailTo(unpaid.email),
      (m) => m.length >= 2,
    );
    const feeReminder = feeMail.find((m) => m.subject.startsWith('Påminnelse: årsavgiften ska betalas senast'));
    expect(feeReminder?.text).toContain('12345678903');

    // Fourteen days before the last pay day, in the grace period: the last reminder, naming the day the queue time is lost.
    await moveClockTo(26);
    const grace = await eventually(
      () => mailTo(unpaid.email),
      (m) => m.length >= 3,
    );
    const lastPayDay = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${addDays(today, 40)}T00:00:00Z`));
    const last = grace.find((m) => m.subject.startsWith('Sista påminnelsen'));
    expect(last?.subject).toBe(`Sista påminnelsen: betala senast ${lastPayDay} för att behålla din kötid`);
    expect(last?.text).toContain('förlorar kötiden');

    await quietFor(1000);
    expect(await mailTo(unpaid.email)).toHaveLength(3);
    expect(await mailTo(paid.email)).toHaveLength(1);
    expect(await mailTo(invited.email)).toHaveLength(2);
    expect(await mailTo(answered.email)).toHaveLength(1);
    expect(await reminders('sent')).toBe(3);
    expect(await reminders('pending')).toBe(0);
  });
});
