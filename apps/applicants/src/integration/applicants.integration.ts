import { integrationMessage, type IntegrationMessage } from '@bostadsko/bus';
import type { RecordedEvent } from '@bostadsko/event-store';
import { AccountClosedV1, ApplicantDeregisteredV1, ApplicantDeregistrationReversedV1, ApplicantRegisteredV1, QueueStandingChangedV1 } from '@bostadsko/contracts';
import type { ApplicantEvent } from '../applicant/applicant.events.js';
import { TRAINING_CLOCK_STREAM } from '../training-clock/training-clock.decider.js';
import { trainingClockMessages } from '../training-clock/training-clock.integration.js';

const applicantIdOf = (event: RecordedEvent) => event.streamId.slice('applicant-'.length);

function standing(event: RecordedEvent, payload: QueueStandingChangedV1): IntegrationMessage {
  return integrationMessage(event, QueueStandingChangedV1.type, payload.applicantId, payload);
}

/** What other apps may know of an applicant's events (ids, dates and statuses, never personal data), and of the training clock this app owns. */
export const toIntegrationMessages = (event: RecordedEvent): IntegrationMessage[] => {
  if (event.streamId === TRAINING_CLOCK_STREAM) return trainingClockMessages(event);
  if (!event.streamId.startsWith('applicant-')) return [];
  const domain = event as unknown as ApplicantEvent;
  const applicantId = applicantIdOf(event);
  switch (domain.type) {
    case 'applicant-registered': {
      const { queueStartDate, birthYear } = domain.data;
      const registered: ApplicantRegisteredV1 = { applicantId, registeredOn: queueStartDate, queueStartDate, birthYear };
      return [
        integrationMessage(event, ApplicantRegisteredV1.type, applicantId, registered),
        standing(event, { applicantId, status: 'active', queueStartDate, effectiveFrom: queueStartDate, reason: 'registered' }),
      ];
    }
    case 'queue-start-changed': {
      const { queueStartDate, effectiveFrom, reason } = domain.data;
      return [standing(event, { applicantId, status: 'active', queueStartDate, effectiveFrom, reason })];
    }
    case 'applicant-deregistered': {
      const { on, reason } = domain.data;
      return [
        integrationMessage(event, ApplicantDeregisteredV1.type, applicantId, { applicantId, on, reason } satisfies ApplicantDeregisteredV1),
        standing(event, { applicantId, status: 'deregistered', queueStartDate: null, effectiveFrom: on, reason }),
      ];
    }
    case 'deregistration-reversed': {
      const { deregisteredOn, on, queueStartDate, reason } = domain.data;
      const reversed: ApplicantDeregistrationReversedV1 = { applicantId, deregisteredOn, on, queueStartDate, reason };
      return [
        integrationMessage(event, ApplicantDeregistrationReversedV1.type, applicantId, reversed),
        // Effective from the deregistration's own day, so listings ranks the days in between with the queue time too.
        standing(event, { applicantId, status: 'active', queueStartDate, effectiveFrom: deregisteredOn, reason }),
      ];
    }
    case 'account-closed': {
      const { on } = domain.data;
      return [
        integrationMessage(event, AccountClosedV1.type, applicantId, { applicantId, on } satisfies AccountClosedV1),
        standing(event, { applicantId, status: 'closed', queueStartDate: null, effectiveFrom: on, reason: 'closed' }),
      ];
    }
    default:
      return [];
  }
};
