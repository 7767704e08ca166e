import { integrationMessage, type IntegrationMessage } from '@bostadsko/bus';
import type { RecordedEvent } from '@bostadsko/event-store';
import { AgreementStatusChangedV1, LandlordRegisteredV1, LandlordUserChangedV1, LettingGuidelineChangedV1 } from '@bostadsko/contracts';
import { GUIDELINE_STREAM_PREFIX, type GuidelineEvent } from '../guideline/guideline.events.js';
import { LANDLORD_STREAM_PREFIX, type LandlordEvent } from '../organisation/landlord.events.js';

/** Keyed by landlord, so a landlord's status changes reach every consumer in the order they were decided. */
function status(event: RecordedEvent, landlordId: string, payload: Omit<AgreementStatusChangedV1, 'landlordId'>) {
  return [integrationMessage(event, AgreementStatusChangedV1.type, landlordId, { landlordId, ...payload } satisfies AgreementStatusChangedV1)];
}

/**
 * What other apps may know of a landlord's events: organisation, agreement status
 * by date, guideline and users' ids and roles; never the sealed contact details.
 */
export const toIntegrationMessages = (event: RecordedEvent): IntegrationMessage[] => {
  if (event.streamId.startsWith(GUIDELINE_STREAM_PREFIX)) {
    const { landlordId, effectiveFrom, standard, byListingType } = (event as unknown as GuidelineEvent).data;
    const changed: LettingGuidelineChangedV1 = { landlordId, effectiveFrom, standard, byListingType };
    return [integrationMessage(event, LettingGuidelineChangedV1.type, landlordId, changed)];
  }
  if (!event.streamId.startsWith(LANDLORD_STREAM_PREFIX)) return [];
  const landlordId = event.streamId.slice(LANDLORD_STREAM_PREFIX.length);
  const domain = event as unknown as LandlordEvent;
  switch (domain.type) {
    case 'landlord-registered': {
      const { name, organisationNumber } = domain.data;
      return [integrationMessage(event, LandlordRegisteredV1.type, landlordId, { landlordId, name, organisationNumber } satisfies LandlordRegisteredV1)];
    }
    case 'agreement-signed':
      return status(event, landlordId, { agreementId: domain.data.agreementId, status: 'active', effectiveFrom: domain.data.effectiveFrom, reason: 'agreement signed' });
    case 'agreement-suspended':
      return status(event, landlordId, { agreementId: domain.data.agreementId, status: 'suspended', effectiveFrom: domain.data.effectiveFrom, reason: domain.data.reason });
    case 'agreement-reinstated':
      return status(event, landlordId, { agreementId: domain.data.agreementId, status: 'active', effectiveFrom: domain.data.effectiveFrom, reason: domain.data.reason });
    case 'agreement-terminated': {
      const { agreementId, noticeDate, terminatedBy, reason } = domain.data;
      return status(event, landlordId, { agreementId, status: 'terminated', effectiveFrom: noticeDate, reason: `terminated by the ${terminatedBy}: ${reason}` });
    }
    case 'user-added':
    case 'user-removed': {
      const { userId, role, at } = domain.data;
      const changed: LandlordUserChangedV1 = { landlordId, userId, role, status: domain.type === 'user-added' ? 'active' : 'removed', at };
      return [integrationMessage(event, LandlordUserChangedV1.type, landlordId, changed)];
    }
    default:
      return [];
  }
};
