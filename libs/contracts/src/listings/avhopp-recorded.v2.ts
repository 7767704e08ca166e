import { defineContract, is } from '../contract.js';
import type { AvhoppRecordedV1 } from './avhopp-recorded.v1.js';

/**
 * v1 plus the end of any block on applying that this avhopp brings, by the
 * listings app's avhopp rules (limit, window, block length) on its day: the first
 * day the seeker may apply again, or null when it blocks nothing. So the messages
 * app can tell the seeker the date. Published beside v1 (and before it), whose
 * consumers keep reading it unchanged; not published for avhopps recorded before
 * the block was kept with them.
 */
export interface AvhoppRecordedV2 extends AvhoppRecordedV1 {
  readonly blockedUntil: string | null;
}

export const AvhoppRecordedV2 = defineContract<AvhoppRecordedV2>('listings.avhopp-recorded.v2', 2, {
  applicantId: is.uuid,
  listingId: is.uuid,
  applicationId: is.uuid,
  on: is.isoDate,
  kind: is.oneOf('backed-out-after-yes', 'late-certificates'),
  blockedUntil: is.orNull(is.isoDate),
});
