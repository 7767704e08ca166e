import type { AuthenticatedUser } from './authenticated-user.js';

const MAX_ENTRIES = 50_000;

/**
 * Tokens whose signature has been checked, until they expire. The same string
 * carries the same signature, so checking it again proves nothing new; a busy
 * seeker or agent sends one token many times. Revocation of landlord users is a
 * separate check on every request, so it is not delayed by this.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, { readonly user: AuthenticatedUser; readonly expiresAtMs: number }>();

  get(token: string, nowMs: number): AuthenticatedUser | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.expiresAtMs > nowMs) return entry.user;
    this.entries.delete(token);
    return undefined;
  }

  remember(token: string, user: AuthenticatedUser, expiresAtMs: number): void {
    // Map keeps insertion order: the oldest entry goes first when full.
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { user, expiresAtMs });
  }
}
