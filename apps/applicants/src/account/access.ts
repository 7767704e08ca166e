import { ForbiddenException } from '@nestjs/common';
import type { AuthenticatedUser } from '@bostadsko/platform';

const STAFF = ['staff', 'admin'] as const;

export const isStaff = (user: AuthenticatedUser) => user.roles.some((r) => (STAFF as readonly string[]).includes(r));

/** Seekers see only their own account; staff see all. */
export function assertSelfOrStaff(user: AuthenticatedUser, applicantId: string): void {
  if (isStaff(user) || (user.id === applicantId && user.roles.includes('applicant'))) return;
  throw new ForbiddenException('You can only see and change your own account');
}
