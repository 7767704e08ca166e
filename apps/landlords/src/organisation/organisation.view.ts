import { agreementStatusOn, canPublishOn, openAgreement } from './landlord.decider.js';
import type { Registered } from './landlord.service.js';

/** What a reader is shown of an organisation and its agreements. */
export function organisationView(state: Registered, today: string) {
  return {
    landlordId: state.landlordId,
    name: state.name,
    organisationNumber: state.organisationNumber,
    registeredOn: state.registeredOn,
    agreementStatus: agreementStatusOn(state, today),
    canPublishToday: canPublishOn(state, today),
    openAgreementId: openAgreement(state)?.agreementId ?? null,
    agreements: state.agreements,
    users: { active: Object.values(state.users).filter((u) => u.status === 'active').length },
  };
}
