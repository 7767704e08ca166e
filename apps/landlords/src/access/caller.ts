import { createParamDecorator, ForbiddenException, type ExecutionContext } from '@nestjs/common';
import { userOf, type AuthenticatedUser } from '@bostadsko/platform';
import type { UserRole } from '../organisation/landlord.events.js';

/** Who calls: the token's user, and for a landlord user the role it holds now (checked on this request). */
export interface Caller extends AuthenticatedUser {
  readonly landlordRole?: UserRole;
}

const landlordRoles = new WeakMap<object, UserRole>();

export function attachLandlordRole(request: object, role: UserRole): void {
  landlordRoles.set(request, role);
}

export function callerOf(context: ExecutionContext): Caller {
  const request = context.switchToHttp().getRequest<object>();
  const user = userOf(request);
  if (!user) throw new Error('The caller was asked for on a route without authentication');
  return { ...user, landlordRole: landlordRoles.get(request) };
}

export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => callerOf(context));

export const isAgency = (caller: Caller) => caller.roles.includes('staff') || caller.roles.includes('admin');

const NOT_YOURS = 'You can only see and change your own organisation';

/** Staff see every landlord; a landlord user only its own. */
export function requireMember(caller: Caller, landlordId: string): void {
  if (isAgency(caller)) return;
  if (caller.roles.includes('landlord') && caller.landlordId === landlordId && caller.landlordRole) return;
  throw new ForbiddenException(NOT_YOURS);
}

/** Staff, or an administrator of this landlord. */
export function requireAdministrator(caller: Caller, landlordId: string): void {
  requireMember(caller, landlordId);
  if (!isAgency(caller) && caller.landlordRole !== 'administrator') throw new ForbiddenException("Only the organisation's administrators may do this");
}
