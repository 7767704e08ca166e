import { integrationMessage, type IntegrationMapper } from '@bostadsko/bus';
import { ContactDetailsChangedV1, FeeNoticeIssuedV1 } from '@bostadsko/contracts';
import { addDays } from '@bostadsko/calendar';
import type { PersonalDataVault, Sealed } from '@bostadsko/personal-data';
import type { PersonalDetails } from '../applicant/applicant.events.js';
import { FEE_ACCOUNT_PREFIX, type FeeAccountEvent } from '../fees/fee-account.events.js';
import { sekFromOre } from '../fees/money.js';
import { policyOn, type PolicyChange } from '../policy/applicant-policy.js';

/**
 * What the messages app needs to write to a seeker: the e-mail address, opened
 * from the sealed details (nothing once the person is erased), and each fee
 * notice with its last pay day under the grace in force on the due date.
 */
export const messagesIntegration =
  (vault: Pick<PersonalDataVault, 'open'>, policyChanges: () => Promise<readonly PolicyChange[]>): IntegrationMapper =>
  async (event) => {
    if (event.streamId.startsWith('applicant-') && (event.type === 'applicant-registered' || event.type === 'personal-details-changed')) {
      const details = await vault.open<PersonalDetails>((event.data as { personal: Sealed }).personal);
      if (!details) return [];
      const applicantId = event.streamId.slice('applicant-'.length);
      return [integrationMessage(event, ContactDetailsChangedV1.type, applicantId, { applicantId, email: details.email } satisfies ContactDetailsChangedV1)];
    }
    if (event.streamId.startsWith(FEE_ACCOUNT_PREFIX) && event.type === 'fee-notice-issued') {
      const { data } = event as unknown as Extract<FeeAccountEvent, { type: 'fee-notice-issued' }>;
      const lastPayDay = addDays(data.dueDate, policyOn(await policyChanges(), data.dueDate).graceDays);
      const payload: FeeNoticeIssuedV1 = {
        applicantId: data.applicantId,
        noticeId: data.noticeId,
        year: data.year,
        issuedOn: data.issuedOn,
        dueDate: data.dueDate,
        lastPayDay,
        amount: sekFromOre(data.amountOre),
        reference: data.reference,
      };
      return [integrationMessage(event, FeeNoticeIssuedV1.type, data.applicantId, payload)];
    }
    return [];
  };
