import type { Role } from './roles.js';

/** Who is calling, as the bearer token says. */
export interface AuthenticatedUser {
  readonly id: string;
  readonly roles: readonly Role[];
  /** Set for landlord users: the landlord they act for. */
  readonly landlordId?: string;
}

// Kept beside the request rather than on it, so no framework type needs augmenting.
const users = new WeakMap<object, AuthenticatedUser>();

export function attachUser(request: object, user: AuthenticatedUser): void {
  users.set(request, user);
}

export function userOf(request: object): AuthenticatedUser | undefined {
  return users.get(request);
}
