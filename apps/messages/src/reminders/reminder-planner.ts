import type { IntegrationMessage, Tx } from '@bostadsko/bus';
import { addDays } from '@bostadsko/calendar';
import { FeeNoticeIssuedV1, FeeNoticePaidV1, ShowingAnsweredV1, ShowingScheduledV1 } from '@bostadsko/contracts';
import type { PersonalDataVault } from '@bostadsko/personal-data';
import type { FlatFacts, MessageContent } from '../templates/message-facts.js';
import { messageIdFor } from '../triggers/message-id.js';

export const REMINDERS_TABLE = 'messages.reminders';
export const REMINDER_TOPICS = [FeeNoticeIssuedV1.type, FeeNoticePaidV1.type, ShowingScheduledV1.type, ShowingAnsweredV1.type] as const;

interface Planned {
  readonly applicantId: string;
  /** What ends it: the fee notice, or the application invited to the showing. */
  readonly subject: string;
  readonly notBefore: string | null;
  readonly deadline: string;
  readonly content: MessageContent;
}

/**
 * Plans the reminders an integration event calls for, and ends those its answer
 * makes needless: a fee notice gets one before its due date and one in the grace
 * period (not before the day after the due date); a showing invitation one before
 * its reply deadline; a payment or an answer cancels them. Keyed by subject and
 * kind, so a redelivery plans nothing twice.
 */
export async function planReminders(message: IntegrationMessage, tx: Tx, vault: Pick<PersonalDataVault, 'sealEach'>, flat: (listingId: string) => Promise<FlatFacts | null>): Promise<void> {
  const planned: Planned[] = [];
  switch (message.type) {
    case FeeNoticeIssuedV1.type: {
      const { applicantId, noticeId, year, amount, dueDate, lastPayDay, reference } = FeeNoticeIssuedV1.parse(message.payload);
      const facts = { year, amount, dueDate, lastPayDay, reference };
      planned.push({ applicantId, subject: noticeId, notBefore: null, deadline: dueDate, content: { kind: 'fee-reminder', facts } });
      planned.push({ applicantId, subject: noticeId, notBefore: addDays(dueDate, 1), deadline: lastPayDay, content: { kind: 'fee-grace-reminder', facts } });
      break;
    }
    case ShowingScheduledV1.type: {
      const { listingId, answerBy, invited } = ShowingScheduledV1.parse(message.payload);
      const facts = { flat: await flat(listingId), listingId, answerBy };
      for (const { applicantId, applicationId } of invited)
        planned.push({ applicantId, subject: applicationId, notBefore: null, deadline: answerBy, content: { kind: 'showing-reply-reminder', facts } });
      break;
    }
    case FeeNoticePaidV1.type: {
      const { applicantId, noticeId } = FeeNoticePaidV1.parse(message.payload);
      return cancel(tx, applicantId, noticeId);
    }
    case ShowingAnsweredV1.type: {
      const { applicantId, applicationId } = ShowingAnsweredV1.parse(message.payload);
      return cancel(tx, applicantId, applicationId);
    }
  }
  const sealed = await vault.sealEach(planned.map((p) => ({ subject: p.applicantId, value: p.content })));
  for (const [i, p] of planned.entries()) {
    const seal = sealed[i];
    if (seal instanceof Error) continue;
    await tx.query(
      `INSERT INTO ${REMINDERS_TABLE} (reminder_id, applicant_id, kind, subject, not_before, deadline, content) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (reminder_id) DO NOTHING`,
      [messageIdFor(`reminder:${p.subject}`, p.applicantId, p.content.kind), p.applicantId, p.content.kind, p.subject, p.notBefore, p.deadline, seal],
    );
  }
}

async function cancel(tx: Tx, applicantId: string, subject: string): Promise<void> {
  await tx.query(`UPDATE ${REMINDERS_TABLE} SET state = 'cancelled' WHERE applicant_id = $1 AND subject = $2 AND state = 'pending'`, [applicantId, subject]);
}
