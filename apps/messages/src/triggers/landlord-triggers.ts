import type { IntegrationMessage } from '@bostadsko/bus';
import { AgreementStatusChangedV1, LandlordCaseAnsweredV1, TenantProposedV1 } from '@bostadsko/contracts';
import type { FlatFacts } from '../templates/message-facts.js';
import type { MessageToPerson } from './message-triggers.js';

export type LandlordRole = 'administrator' | 'letting-agent';

/** What the consumer knows of landlords: the flat of a listing, and each organisation's active users by role. */
export interface LandlordLookups {
  flat(listingId: string): Promise<FlatFacts | null>;
  activeUsers(landlordId: string, roles: readonly LandlordRole[]): Promise<string[]>;
}

/** The other apps' events that become messages to landlord users. */
export const LANDLORD_TRIGGER_TOPICS = [TenantProposedV1.type, AgreementStatusChangedV1.type, LandlordCaseAnsweredV1.type] as const;

/**
 * A proposal waits for the decision of any of the organisation's users (letting agents
 * and administrators alike decide); the agreement concerns its administrators; a case
 * answer goes to the user who opened it, when that is a user of the organisation still.
 */
export async function landlordMessagesFor(message: IntegrationMessage, lookups: LandlordLookups): Promise<MessageToPerson[]> {
  switch (message.type) {
    case TenantProposedV1.type: {
      const { landlordId, listingId, place, householdSize, requirementsVerified } = TenantProposedV1.parse(message.payload);
      const flat = await lookups.flat(listingId);
      const users = await lookups.activeUsers(landlordId, ['administrator', 'letting-agent']);
      return users.map((applicantId) => ({ applicantId, content: { kind: 'proposal-waiting', facts: { flat, listingId, place, householdSize, requirementsVerified } } }));
    }
    case AgreementStatusChangedV1.type: {
      const { landlordId, status, effectiveFrom, reason } = AgreementStatusChangedV1.parse(message.payload);
      const administrators = await lookups.activeUsers(landlordId, ['administrator']);
      return administrators.map((applicantId) => ({ applicantId, content: { kind: 'agreement-changed', facts: { status, effectiveFrom, reason } } }));
    }
    case LandlordCaseAnsweredV1.type: {
      const { landlordId, caseId, openedBy, subject, answer, answeredAt } = LandlordCaseAnsweredV1.parse(message.payload);
      const users = await lookups.activeUsers(landlordId, ['administrator', 'letting-agent']);
      if (!users.includes(openedBy)) return [];
      return [{ applicantId: openedBy, content: { kind: 'case-answered', facts: { caseId, subject, answer, answeredAt, from: 'landlord' } } }];
    }
    default:
      return [];
  }
}
