import { defineContract, is } from '../contract.js';

/**
 * A landlord user was added, changed role or removed. Other apps refuse the
 * tokens of a removed user at once, without waiting for the token to expire.
 */
export interface LandlordUserChangedV1 {
  readonly landlordId: string;
  readonly userId: string;
  readonly role: 'administrator' | 'letting-agent';
  readonly status: 'active' | 'removed';
  readonly at: string;
}

export const LandlordUserChangedV1 = defineContract<LandlordUserChangedV1>('landlords.landlord-user-changed.v1', 1, {
  landlordId: is.uuid,
  userId: is.uuid,
  role: is.oneOf('administrator', 'letting-agent'),
  status: is.oneOf('active', 'removed'),
  at: is.isoInstant,
});
