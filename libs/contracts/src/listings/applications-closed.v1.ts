import { defineContract, is } from '../contract.js';

/** The application deadline passed and the listing was ranked: how many applied and how many were eligible. */
export interface ApplicationsClosedV1 {
  readonly listingId: string;
  readonly landlordId: string;
  readonly closedOn: string;
  readonly applications: number;
  readonly eligible: number;
}

export const ApplicationsClosedV1 = defineContract<ApplicationsClosedV1>('listings.applications-closed.v1', 1, {
  listingId: is.uuid,
  landlordId: is.uuid,
  closedOn: is.isoDate,
  applications: is.count,
  eligible: is.count,
});
