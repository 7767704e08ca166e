import { defineContract, is } from '../contract.js';

/**
 * Where a seeker is to be written to: published at registration and whenever the
 * details change, for the messages app only. Personal data in the bus log (the
 * address), so nothing else: the messages app seals it under its own per-person
 * key on arrival. After erasure the applicants relay can no longer open the
 * details and publishes nothing.
 */
export interface ContactDetailsChangedV1 {
  readonly applicantId: string;
  readonly email: string;
}

export const ContactDetailsChangedV1 = defineContract<ContactDetailsChangedV1>('applicants.contact-details-changed.v1', 1, {
  applicantId: is.uuid,
  email: (v) => typeof v === 'string' && /^[^@\s]+@[^@\s]+$/.test(v),
});
