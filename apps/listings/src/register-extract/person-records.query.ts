import type { RecordedEvent } from '@bostadsko/event-store';
import type { Infrastructure } from '@bostadsko/runtime';
import { seekerStream } from '../applications/seeker.events.js';
import { lettingStream, type LettingEvent } from '../letting/letting.events.js';

/**
 * Every event in this app's log about one seeker: their own stream (applications
 * with the sealed declaration, withdrawals, avhopp) and their part of each
 * letting they took part in (invitation, answer, verification with the sealed
 * facts, proposal, decision, contract). Other seekers' parts of a letting stay out.
 */
export async function personRecords(infra: Infrastructure, applicantId: string): Promise<RecordedEvent[]> {
  const { rows } = await infra.pool.query<{ listing_id: string }>('SELECT DISTINCT listing_id FROM listings.letting_participants WHERE applicant_id = $1', [applicantId]);
  const [own, ...lettings] = await Promise.all([infra.store.readStream(seekerStream(applicantId)), ...rows.map((r) => infra.store.readStream(lettingStream(r.listing_id)))]);
  return [...own, ...lettings.flat().flatMap((event) => aboutThePerson(event, applicantId))];
}

function aboutThePerson(event: RecordedEvent, applicantId: string): RecordedEvent[] {
  const domain = event as unknown as LettingEvent;
  if (domain.type === 'showing-scheduled') {
    const invited = domain.data.invited.filter((i) => i.applicantId === applicantId);
    const skipped = domain.data.skipped.filter((s) => s.applicantId === applicantId);
    if (invited.length === 0 && skipped.length === 0) return [];
    return [{ ...event, data: { showingId: domain.data.showingId, slots: domain.data.slots, answerBy: domain.data.answerBy, invited, skipped, scheduledAt: domain.data.scheduledAt } }];
  }
  return (event.data as { applicantId?: string }).applicantId === applicantId ? [event] : [];
}
