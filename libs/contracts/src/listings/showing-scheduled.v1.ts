import { defineContract, is } from '../contract.js';

/** Applicants were invited to a showing: each one's time, and the date by which they must say they are still interested. */
export interface ShowingScheduledV1 {
  readonly listingId: string;
  readonly showingId: string;
  /** No answer by this date counts as no. */
  readonly answerBy: string;
  readonly invited: readonly { readonly applicantId: string; readonly applicationId: string; readonly startsAt: string; readonly endsAt: string }[];
}

export const ShowingScheduledV1 = defineContract<ShowingScheduledV1>('listings.showing-scheduled.v1', 1, {
  listingId: is.uuid,
  showingId: is.text,
  answerBy: is.isoDate,
  invited: (v) =>
    Array.isArray(v) &&
    v.every((i: Record<string, unknown>) => typeof i === 'object' && i !== null && is.uuid(i.applicantId) && is.uuid(i.applicationId) && is.isoInstant(i.startsAt) && is.isoInstant(i.endsAt)),
});
