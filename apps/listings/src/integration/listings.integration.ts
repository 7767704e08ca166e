import { allMessages, integrationMessage, type IntegrationMapper, type IntegrationMessage } from '@bostadsko/bus';
import type { RecordedEvent } from '@bostadsko/event-store';
import {
  ApplicationsClosedV1,
  AvhoppRecordedV1,
  AvhoppRecordedV2,
  ApplicationsPlacedV1,
  ApplicationSubmittedV1,
  ListingPublishedV1,
  ListingPublishedV2,
  ListingWithdrawnV1,
} from '@bostadsko/contracts';
import { stockholmDate } from '@bostadsko/calendar';
import { isListingStream, type ListingEvent } from '../listing/listing.events.js';
import { SEEKER_STREAM_PREFIX, type SeekerEvent } from '../applications/seeker.events.js';

/** Several mappers as one relay: each owns its streams and ignores the rest (the letting process adds its own). */
export function composeMappers(...mappers: readonly IntegrationMapper[]): IntegrationMapper {
  return (event) => allMessages(mappers.map((map) => map(event)));
}

function fromListing(event: RecordedEvent): IntegrationMessage[] {
  const listingId = event.streamId.slice('listing-'.length);
  const domain = event as unknown as ListingEvent;
  switch (domain.type) {
    case 'listing-published': {
      const { landlordId, flat, publishedOn, applicationDeadline, requirements } = domain.data;
      const payload: ListingPublishedV1 = {
        listingId,
        landlordId,
        municipality: flat.municipality,
        district: flat.district,
        rooms: flat.rooms,
        areaM2: flat.areaM2,
        monthlyRent: flat.monthlyRent,
        listingType: flat.listingType,
        publishedOn,
        applicationDeadline,
        moveInDate: flat.moveInDate,
      };
      const withAges: ListingPublishedV2 = { ...payload, minAge: requirements.minAge, maxAge: requirements.maxAge };
      return [integrationMessage(event, ListingPublishedV1.type, listingId, payload), integrationMessage(event, ListingPublishedV2.type, listingId, withAges)];
    }
    case 'applications-ranked': {
      const { landlordId, rankedAt, applications, ranking } = domain.data;
      const closedOn = stockholmDate(new Date(rankedAt));
      const places: ApplicationsPlacedV1 = { listingId, closedOn, places: ranking.map(({ applicantId, applicationId, place }) => ({ applicantId, applicationId, place })) };
      const placed = integrationMessage(event, ApplicationsPlacedV1.type, listingId, places);
      if (!landlordId) return [placed];
      const payload: ApplicationsClosedV1 = { listingId, landlordId, closedOn, applications, eligible: ranking.length };
      return [integrationMessage(event, ApplicationsClosedV1.type, listingId, payload), placed];
    }
    case 'listing-withdrawn': {
      const { landlordId, on, reason } = domain.data;
      if (!landlordId) return [];
      return [integrationMessage(event, ListingWithdrawnV1.type, listingId, { listingId, landlordId, on, reason } satisfies ListingWithdrawnV1)];
    }
    default:
      // listing-let is published as ListingLetV1 by the letting process, which knows the tenant's queue days and the contract.
      return [];
  }
}

function fromSeeker(event: RecordedEvent): IntegrationMessage[] {
  const domain = event as unknown as SeekerEvent;
  const applicantId = event.streamId.slice(SEEKER_STREAM_PREFIX.length);
  if (domain.type === 'avhopp-recorded') {
    const { listingId, applicationId, on, kind, blockedUntil } = domain.data;
    const v1 = integrationMessage(event, AvhoppRecordedV1.type, applicantId, { applicantId, listingId, applicationId, on, kind } satisfies AvhoppRecordedV1);
    // v2 first: a consumer reading both (the messages app) meets the one with the block's end before v1.
    if (blockedUntil === undefined) return [v1];
    return [integrationMessage(event, AvhoppRecordedV2.type, applicantId, { applicantId, listingId, applicationId, on, kind, blockedUntil } satisfies AvhoppRecordedV2), v1];
  }
  if (domain.type !== 'application-submitted') return [];
  const { applicationId, listingId, submittedAt } = domain.data;
  const payload: ApplicationSubmittedV1 = { applicationId, listingId, applicantId, submittedOn: stockholmDate(new Date(submittedAt)) };
  return [integrationMessage(event, ApplicationSubmittedV1.type, applicantId, payload)];
}

/** What other apps may know of listings and applications: flat facts, ids, dates and counts; no declarations. */
export const listingIntegrationMessages = (event: RecordedEvent): IntegrationMessage[] => {
  if (event.streamId.startsWith(SEEKER_STREAM_PREFIX)) return fromSeeker(event);
  if (isListingStream(event.streamId)) return fromListing(event);
  return [];
};
