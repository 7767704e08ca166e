import { defineContract, is } from '../contract.js';

/** The listing was ranked at its deadline: each eligible applicant's place, so they can be told it. Ids only. */
export interface ApplicationsPlacedV1 {
  readonly listingId: string;
  readonly closedOn: string;
  readonly places: readonly { readonly applicantId: string; readonly applicationId: string; readonly place: number }[];
}

export const ApplicationsPlacedV1 = defineContract<ApplicationsPlacedV1>('listings.applications-placed.v1', 1, {
  listingId: is.uuid,
  closedOn: is.isoDate,
  places: (v) =>
    Array.isArray(v) &&
    v.every((p: Record<string, unknown>) => typeof p === 'object' && p !== null && is.uuid(p.applicantId) && is.uuid(p.applicationId) && Number.isInteger(p.place) && (p.place as number) >= 1),
});
