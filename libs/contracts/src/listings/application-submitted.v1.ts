import { defineContract, is } from '../contract.js';

/** A seeker applied for a listing: statistics counts active seekers (applied in the last 12 months) from it. */
export interface ApplicationSubmittedV1 {
  readonly applicationId: string;
  readonly listingId: string;
  readonly applicantId: string;
  readonly submittedOn: string;
}

export const ApplicationSubmittedV1 = defineContract<ApplicationSubmittedV1>('listings.application-submitted.v1', 1, {
  applicationId: is.uuid,
  listingId: is.uuid,
  applicantId: is.uuid,
  submittedOn: is.isoDate,
});
