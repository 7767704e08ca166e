import { integrationMessage, type IntegrationMapper } from '@bostadsko/bus';
import { stockholmDate } from '@bostadsko/calendar';
import { LandlordCaseAnsweredV1, LandlordUserContactChangedV1, LandlordUserErasedV1 } from '@bostadsko/contracts';
import type { EventStore } from '@bostadsko/event-store';
import type { PersonalDataVault } from '@bostadsko/personal-data';
import { CASE_STREAM_PREFIX, type CaseEvent } from '../cases/case.events.js';
import { LANDLORD_STREAM_PREFIX, type LandlordEvent, type UserDetails } from '../organisation/landlord.events.js';

/**
 * What the messages app needs to write to landlord users: each user's address and
 * language, opened from the sealed details (nothing once the user is erased), the
 * erasure itself, and a case answered with the user who opened it, read from the
 * case's own first event (the answer event names only who answered).
 */
export const messagesIntegration =
  (vault: Pick<PersonalDataVault, 'open'>, store: Pick<EventStore, 'readStream'>): IntegrationMapper =>
  async (event) => {
    if (event.streamId.startsWith(LANDLORD_STREAM_PREFIX)) {
      const landlordId = event.streamId.slice(LANDLORD_STREAM_PREFIX.length);
      const domain = event as unknown as LandlordEvent;
      if (domain.type === 'user-added' || domain.type === 'user-details-changed') {
        const details = await vault.open<UserDetails>(domain.data.personal);
        if (!details) return [];
        const { userId } = domain.data;
        const contact: LandlordUserContactChangedV1 = { landlordId, userId, email: details.email, language: details.language ?? 'sv' };
        return [integrationMessage(event, LandlordUserContactChangedV1.type, landlordId, contact)];
      }
      if (domain.type === 'user-personal-data-erased') {
        const { userId, at } = domain.data;
        return [integrationMessage(event, LandlordUserErasedV1.type, landlordId, { landlordId, userId, on: stockholmDate(new Date(at)) } satisfies LandlordUserErasedV1)];
      }
      return [];
    }
    if (event.streamId.startsWith(CASE_STREAM_PREFIX) && event.type === 'landlord-case-answered') {
      const { caseId, landlordId, answer, at } = (event as unknown as Extract<CaseEvent, { type: 'landlord-case-answered' }>).data;
      const registered = (await store.readStream(event.streamId)).find((e) => e.type === 'landlord-case-registered') as unknown as Extract<CaseEvent, { type: 'landlord-case-registered' }> | undefined;
      if (!registered) return [];
      const { registeredBy, subject } = registered.data;
      return [integrationMessage(event, LandlordCaseAnsweredV1.type, landlordId, { landlordId, caseId, openedBy: registeredBy, subject, answer, answeredAt: at } satisfies LandlordCaseAnsweredV1)];
    }
    return [];
  };
