import { integrationMessage, type IntegrationMapper } from '@bostadsko/bus';
import { CustomerCaseAnsweredV1 } from '@bostadsko/contracts';
import type { EventStore } from '@bostadsko/event-store';
import type { PersonalDataVault } from '@bostadsko/personal-data';
import type { ApplicantEvent } from '../applicant/applicant.events.js';

type Registered = Extract<ApplicantEvent, { type: 'case-registered' }>;

/**
 * A customer case answered, for the messages app to tell the seeker: the answer opened
 * from its seal (nothing once the seeker is erased), and the case's subject, read from the
 * account's stream, since the answer event names only the case.
 */
export const caseAnsweredIntegration =
  (vault: Pick<PersonalDataVault, 'open'>, store: Pick<EventStore, 'readStream'>): IntegrationMapper =>
  async (event) => {
    if (!event.streamId.startsWith('applicant-') || event.type !== 'case-answered') return [];
    const applicantId = event.streamId.slice('applicant-'.length);
    const { caseId, answer: sealed } = (event as unknown as Extract<ApplicantEvent, { type: 'case-answered' }>).data;
    const answer = await vault.open<string>(sealed);
    if (!answer) return [];
    const registered = (await store.readStream(event.streamId)).find((e) => e.type === 'case-registered' && (e.data as Registered['data']).caseId === caseId);
    if (!registered) return [];
    const answered: CustomerCaseAnsweredV1 = {
      applicantId,
      caseId,
      subject: (registered.data as Registered['data']).subject,
      answer,
      answeredAt: event.metadata.occurredAt ?? event.recordedAt.toISOString(),
    };
    return [integrationMessage(event, CustomerCaseAnsweredV1.type, applicantId, answered)];
  };
