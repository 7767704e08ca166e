import { defineContract, is } from '../contract.js';

/** An invited applicant said whether they are still interested: the messages app sends no reply reminder after it. */
export interface ShowingAnsweredV1 {
  readonly listingId: string;
  readonly applicationId: string;
  readonly applicantId: string;
  readonly interested: boolean;
  readonly answeredAt: string;
}

export const ShowingAnsweredV1 = defineContract<ShowingAnsweredV1>('listings.showing-answered.v1', 1, {
  listingId: is.uuid,
  applicationId: is.uuid,
  applicantId: is.uuid,
  interested: is.boolean,
  answeredAt: is.isoInstant,
});
