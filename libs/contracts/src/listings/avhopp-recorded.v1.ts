import { defineContract, is } from '../contract.js';

/**
 * A seeker backed out after saying yes, or sent the certificates late (avhopp):
 * the messages app tells them. Whether it blocks applying is the listings app's
 * rule on the day they next apply; not carried here.
 */
export interface AvhoppRecordedV1 {
  readonly applicantId: string;
  readonly listingId: string;
  readonly applicationId: string;
  readonly on: string;
  readonly kind: 'backed-out-after-yes' | 'late-certificates';
}

export const AvhoppRecordedV1 = defineContract<AvhoppRecordedV1>('listings.avhopp-recorded.v1', 1, {
  applicantId: is.uuid,
  listingId: is.uuid,
  applicationId: is.uuid,
  on: is.isoDate,
  kind: is.oneOf('backed-out-after-yes', 'late-certificates'),
});
