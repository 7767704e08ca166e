import { ForbiddenException } from '@nestjs/common';
import type { AuthenticatedUser } from '@bostadsko/platform';

export const isStaff = (user: AuthenticatedUser) => user.roles.includes('staff') || user.roles.includes('admin');

/** The landlord a landlord user acts for; refuses callers who are not landlord users. */
export function landlordOf(user: AuthenticatedUser): string {
  if (!user.roles.includes('landlord') || !user.landlordId) throw new ForbiddenException('Only a landlord user can do this');
  return user.landlordId;
}

/** Staff see every listing; a landlord user only its own landlord's. */
export function assertOwnListingOrStaff(user: AuthenticatedUser, landlordId: string): void {
  if (isStaff(user)) return;
  if (user.roles.includes('landlord') && user.landlordId === landlordId) return;
  throw new ForbiddenException('This listing belongs to another landlord');
}

/** Seekers act only for themselves. */
export function seekerOf(user: AuthenticatedUser): string {
  if (!user.roles.includes('applicant')) throw new ForbiddenException('Only a seeker can do this');
  return user.id;
}
