import type { IntegrationMessage } from '@bostadsko/bus';
import {
  ApplicantDeregisteredV1,
  ApplicantDeregistrationReversedV1,
  ApplicationsPlacedV1,
  ApplicationSubmittedV1,
  AvhoppRecordedV1,
  AvhoppRecordedV2,
  CustomerCaseAnsweredV1,
  FeeNoticeIssuedV1,
  ListingLetV1,
  ProposalDecidedV1,
  ShowingScheduledV1,
} from '@bostadsko/contracts';
import type { FlatFacts, MessageContent } from '../templates/message-facts.js';

/** What the consumer knows from earlier messages: the flat of a listing, the applicant of a proposal. */
export interface TriggerLookups {
  flat(listingId: string): Promise<FlatFacts | null>;
  proposedApplicant(proposalId: string): Promise<string | null>;
}

export interface MessageToPerson {
  readonly applicantId: string;
  readonly content: MessageContent;
  /** What the message id derives from when two bus messages tell one fact (v2 and v1 of an avhopp): the first to arrive is kept. Else the bus message's id. */
  readonly sameFactAs?: string;
}

/** The other apps' events that become messages to people. */
export const TRIGGER_TOPICS = [
  FeeNoticeIssuedV1.type,
  ApplicationSubmittedV1.type,
  ApplicationsPlacedV1.type,
  ShowingScheduledV1.type,
  ProposalDecidedV1.type,
  ListingLetV1.type,
  ApplicantDeregisteredV1.type,
  ApplicantDeregistrationReversedV1.type,
  AvhoppRecordedV1.type,
  AvhoppRecordedV2.type,
  CustomerCaseAnsweredV1.type,
] as const;

/** Who is to be told what about an integration event; an event that concerns no one known yields nothing. */
export async function messagesFor(message: IntegrationMessage, lookups: TriggerLookups): Promise<MessageToPerson[]> {
  switch (message.type) {
    case FeeNoticeIssuedV1.type: {
      const { applicantId, year, amount, dueDate, lastPayDay, reference } = FeeNoticeIssuedV1.parse(message.payload);
      return [{ applicantId, content: { kind: 'fee-notice-issued', facts: { year, amount, dueDate, lastPayDay, reference } } }];
    }
    case ApplicationSubmittedV1.type: {
      const { applicantId, listingId, submittedOn } = ApplicationSubmittedV1.parse(message.payload);
      return [{ applicantId, content: { kind: 'application-received', facts: { flat: await lookups.flat(listingId), listingId, submittedOn } } }];
    }
    case ApplicationsPlacedV1.type: {
      const { listingId, closedOn, places } = ApplicationsPlacedV1.parse(message.payload);
      const flat = await lookups.flat(listingId);
      return places.map(({ applicantId, place }) => ({ applicantId, content: { kind: 'place-at-close', facts: { flat, listingId, place, of: places.length, closedOn } } }));
    }
    case ShowingScheduledV1.type: {
      const { listingId, answerBy, invited } = ShowingScheduledV1.parse(message.payload);
      const flat = await lookups.flat(listingId);
      return invited.map(({ applicantId, startsAt, endsAt }) => ({ applicantId, content: { kind: 'showing-invitation', facts: { flat, listingId, startsAt, endsAt, answerBy } } }));
    }
    case ProposalDecidedV1.type: {
      const { proposalId, listingId, decision, reason } = ProposalDecidedV1.parse(message.payload);
      const applicantId = await lookups.proposedApplicant(proposalId);
      if (!applicantId) return [];
      return [{ applicantId, content: { kind: 'proposal-outcome', facts: { flat: await lookups.flat(listingId), listingId, decision, reason } } }];
    }
    case ListingLetV1.type: {
      const { tenantApplicantId, listingId, contractDate } = ListingLetV1.parse(message.payload);
      return [{ applicantId: tenantApplicantId, content: { kind: 'letting-completed', facts: { flat: await lookups.flat(listingId), listingId, contractDate } } }];
    }
    case ApplicantDeregisteredV1.type: {
      const { applicantId, on } = ApplicantDeregisteredV1.parse(message.payload);
      return [{ applicantId, content: { kind: 'deregistered', facts: { on } } }];
    }
    case ApplicantDeregistrationReversedV1.type: {
      const { applicantId, deregisteredOn, queueStartDate } = ApplicantDeregistrationReversedV1.parse(message.payload);
      return [{ applicantId, content: { kind: 'deregistration-reversed', facts: { deregisteredOn, queueStartDate } } }];
    }
    // v2 (with the block's end) is published before v1 for the same avhopp: one message, named by the application, v2's if both arrive.
    case AvhoppRecordedV2.type: {
      const { applicantId, listingId, applicationId, on, kind, blockedUntil } = AvhoppRecordedV2.parse(message.payload);
      return [{ applicantId, sameFactAs: `avhopp:${applicationId}`, content: { kind: 'avhopp-recorded', facts: { flat: await lookups.flat(listingId), listingId, on, kind, blockedUntil } } }];
    }
    case AvhoppRecordedV1.type: {
      const { applicantId, listingId, applicationId, on, kind } = AvhoppRecordedV1.parse(message.payload);
      return [{ applicantId, sameFactAs: `avhopp:${applicationId}`, content: { kind: 'avhopp-recorded', facts: { flat: await lookups.flat(listingId), listingId, on, kind } } }];
    }
    case CustomerCaseAnsweredV1.type: {
      const { applicantId, caseId, subject, answer, answeredAt } = CustomerCaseAnsweredV1.parse(message.payload);
      return [{ applicantId, content: { kind: 'case-answered', facts: { caseId, subject, answer, answeredAt, from: 'seeker' } } }];
    }
    default:
      return [];
  }
}
