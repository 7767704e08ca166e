import { integrationMessage, type IntegrationMapper } from '../../../../libs/bus/src/index.js';
import { ApplicantRegisteredV1 } from '../../../../libs/contracts/src/index.js';
import type { ApplicantEvent } from '../applicant/applicant.events.js';

/** What other apps may know of an applicant's events: ids and dates, never personal data. */
export const toIntegrationMessages: IntegrationMapper = (event) => {
  const domain = event as unknown as ApplicantEvent;
  switch (domain.type) {
    case 'applicant-registered': {
      const payload: ApplicantRegisteredV1 = {
        applicantId: domain.data.applicantId,
        registeredOn: domain.data.queueStartDate,
        queueStartDate: domain.data.queueStartDate,
      };
      return [integrationMessage(event, ApplicantRegisteredV1.type, domain.data.applicantId, payload)];
    }
    default:
      return [];
  }
};
