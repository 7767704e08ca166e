import { defineContract, is } from '../contract.js';

/**
 * Where a landlord user is to be written to, and in which language: published when the
 * user is added and whenever the details change, for the messages app only. Personal
 * data in the bus log (the address), so nothing else: the messages app seals it under
 * its own per-person key on arrival. After erasure the landlords relay can no longer
 * open the details and publishes nothing.
 */
export interface LandlordUserContactChangedV1 {
  readonly landlordId: string;
  readonly userId: string;
  readonly email: string;
  readonly language: 'sv' | 'en';
}

export const LandlordUserContactChangedV1 = defineContract<LandlordUserContactChangedV1>('landlords.landlord-user-contact-changed.v1', 1, {
  landlordId: is.uuid,
  userId: is.uuid,
  email: (v) => typeof v === 'string' && /^[^@\s]+@[^@\s]+$/.test(v),
  language: is.oneOf('sv', 'en'),
});
