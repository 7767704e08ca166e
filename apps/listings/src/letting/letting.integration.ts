import { integrationMessage, type IntegrationMapper } from '@bostadsko/bus';
import { LettingCancelledV1, ListingLetV1, ProposalDecidedV1, ShowingScheduledV1, TenantProposedV1 } from '@bostadsko/contracts';
import { LETTING_STREAM_PREFIX, type LettingEvent } from './letting.events.js';
import { householdSize, type SealedOpener } from './proposed-households.js';

/**
 * What other apps may know of a letting: who was invited to a showing and
 * when (messages), proposals and the landlord's
 * decisions (landlords' reports), the let with the flat facts (statistics,
 * and applicants, which uses up queue time unless `usesQueueTime` is false)
 * and a cancelled letting (applicants restore queue time). Keyed by listing, so
 * one listing's messages keep their order. The household size a proposal
 * shows the landlord is opened from the sealed verified facts; once the
 * person's data has been erased there is no proposal left to publish.
 */
export const lettingIntegrationMessages =
  (vault: SealedOpener): IntegrationMapper =>
  (event) => {
    if (!event.streamId.startsWith(LETTING_STREAM_PREFIX)) return [];
    const listingId = event.streamId.slice(LETTING_STREAM_PREFIX.length);
    const domain = event as unknown as LettingEvent;
    switch (domain.type) {
      case 'showing-scheduled': {
        const { showingId, slots, answerBy, invited } = domain.data;
        const payload: ShowingScheduledV1 = {
          listingId,
          showingId,
          answerBy,
          invited: invited.map(({ applicantId, applicationId, slot }) => ({ applicantId, applicationId, startsAt: slots[slot].startsAt, endsAt: slots[slot].endsAt })),
        };
        return [integrationMessage(event, ShowingScheduledV1.type, listingId, payload)];
      }
      case 'tenant-proposed': {
        const { proposalId, landlordId, applicantId, place, facts, requirementsVerified, proposedAt } = domain.data;
        return householdSize(vault, facts).then((size) => {
          if (size === null) return [];
          const payload: TenantProposedV1 = { proposalId, listingId, landlordId, applicantId, place, householdSize: size, requirementsVerified, proposedAt };
          return [integrationMessage(event, TenantProposedV1.type, listingId, payload)];
        });
      }
      case 'proposal-approved': {
        const { proposalId, landlordId, approvedAt } = domain.data;
        const payload: ProposalDecidedV1 = { proposalId, listingId, landlordId, decision: 'approved', reason: null, decidedAt: approvedAt };
        return [integrationMessage(event, ProposalDecidedV1.type, listingId, payload)];
      }
      case 'proposal-rejected': {
        const { proposalId, landlordId, reason, rejectedAt } = domain.data;
        const payload: ProposalDecidedV1 = { proposalId, listingId, landlordId, decision: 'rejected', reason, decidedAt: rejectedAt };
        return [integrationMessage(event, ProposalDecidedV1.type, listingId, payload)];
      }
      case 'contract-signed': {
        const { applicantId, contractDate, let: facts } = domain.data;
        const payload: ListingLetV1 = {
          listingId,
          landlordId: facts.landlordId,
          municipality: facts.municipality,
          district: facts.district,
          rooms: facts.rooms,
          areaM2: facts.areaM2,
          monthlyRent: facts.monthlyRent,
          listingType: facts.listingType,
          tenantApplicantId: applicantId,
          contractDate,
          usesQueueTime: facts.usesQueueTime,
          publishedOn: facts.publishedOn,
          tenantQueueDays: facts.tenantQueueDays,
          applications: facts.applications,
        };
        return [integrationMessage(event, ListingLetV1.type, listingId, payload)];
      }
      case 'letting-cancelled': {
        const payload: LettingCancelledV1 = { listingId, tenantApplicantId: domain.data.applicantId, on: domain.data.on };
        return [integrationMessage(event, LettingCancelledV1.type, listingId, payload)];
      }
      default:
        return [];
    }
  };
