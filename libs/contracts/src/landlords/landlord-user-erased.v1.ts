import { defineContract, is } from '../contract.js';

/** A removed landlord user's personal data was erased: consumers destroy what they keep of the person (the messages app: the key, so the inbox). */
export interface LandlordUserErasedV1 {
  readonly landlordId: string;
  readonly userId: string;
  readonly on: string;
}

export const LandlordUserErasedV1 = defineContract<LandlordUserErasedV1>('landlords.landlord-user-erased.v1', 1, {
  landlordId: is.uuid,
  userId: is.uuid,
  on: is.isoDate,
});
