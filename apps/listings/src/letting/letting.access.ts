import { ForbiddenException } from '@nestjs/common';
import type { AuthenticatedUser } from '@bostadsko/platform';

export const isStaff = (user: AuthenticatedUser) => user.roles.includes('staff') || user.roles.includes('admin');

/** The listing's own landlord: a landlord user whose token names the listing's landlord. */
export const isListingsLandlord = (user: AuthenticatedUser, landlordId: string) => user.roles.includes('landlord') && user.landlordId === landlordId;

export function assertListingsLandlord(user: AuthenticatedUser, landlordId: string): void {
  if (!isListingsLandlord(user, landlordId)) throw new ForbiddenException("Only the listing's landlord can decide on its proposals");
}

export function assertStaffOrListingsLandlord(user: AuthenticatedUser, landlordId: string): void {
  if (!isStaff(user) && !isListingsLandlord(user, landlordId)) throw new ForbiddenException('This listing belongs to another landlord');
}
