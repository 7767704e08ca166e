import { defineContract, is } from '../contract.js';

/** A landlord organisation is known to the agency (expressed interest). Organisation data is not personal data. */
export interface LandlordRegisteredV1 {
  readonly landlordId: string;
  readonly name: string;
  readonly organisationNumber: string;
}

export const LandlordRegisteredV1 = defineContract<LandlordRegisteredV1>('landlords.landlord-registered.v1', 1, {
  landlordId: is.uuid,
  name: is.text,
  organisationNumber: (v) => typeof v === 'string' && /^\d{6}-\d{4}$/.test(v),
});
