import type { SessionData } from '@fastify/secure-session';
import type { FastifyRequest } from 'fastify';

/** A signed-in seeker: the token never leaves the encrypted, httpOnly session cookie. */
export interface SeekerSession {
  readonly token: string;
  readonly applicantId: string;
  /** Epoch milliseconds when the token expires. */
  readonly expiresAt: number;
}

/** A signed-in landlord user, in its own slot: a landlord's token never serves a seeker's page, nor a seeker's a landlord's. */
export interface LandlordSession {
  readonly token: string;
  readonly userId: string;
  readonly landlordId: string;
  /** Epoch milliseconds when the token expires. */
  readonly expiresAt: number;
}

/** A signed-in member of the agency's staff (case officer, administrator, analyst): the roles come from the token the apps issued. */
export interface StaffSession {
  readonly token: string;
  readonly userId: string;
  readonly roles: readonly string[];
  /** Epoch milliseconds when the token expires. */
  readonly expiresAt: number;
}

/** A reason staff stated, and the people it was stated for (those a search found, or the one whose page asked). */
export interface AccessReason {
  readonly text: string;
  readonly people: readonly string[];
}

/** A one-shot notice for the page after a redirect (post/redirect/get). */
export interface Flash {
  readonly kind: 'success' | 'info';
  readonly key: string;
}

declare module '@fastify/secure-session' {
  interface SessionData {
    seeker: SeekerSession;
    landlord: LandlordSession;
    staff: StaffSession;
    /** Why the staff member reads these seekers' data, as they stated it: sent with every read of them and logged by the apps. */
    accessReason: AccessReason;
    /** Latest `<app>:<position>` written per app by this person, sent with every API call as X-Read-After. */
    readAfter: Record<string, string>;
    flash: Flash;
    _csrf: string;
  }
}

/** The session slots that hold a signed-in person: one each for a seeker, a landlord user and staff. */
type PersonSlot = 'seeker' | 'landlord' | 'staff';

/** Who is signed in in the slot, while their token lasts. */
export function signedIn<Slot extends PersonSlot>(request: FastifyRequest, slot: Slot, now = Date.now()): SessionData[Slot] | undefined {
  const person = request.session.get(slot);
  return person && person.expiresAt > now ? person : undefined;
}

/**
 * Starts a session in a fresh cookie, with only the writes to wait for kept: a session fixed before sign-in
 * is worthless after it, and whoever was signed in on the same browser in another role is signed out, so one
 * person is one role at a time.
 */
export function startSession<Slot extends PersonSlot>(request: FastifyRequest, slot: Slot, person: SessionData[Slot]): void {
  const readAfter = request.session.get('readAfter');
  request.session.regenerate();
  request.session.set(slot, person);
  if (readAfter) request.session.set('readAfter', readAfter);
}

/** The cookie holds the session: a reason covers at most the people of one search. */
const PEOPLE_PER_REASON = 20;

export function stateAccessReason(request: FastifyRequest, text: string, people: readonly string[]): void {
  request.session.set('accessReason', { text, people: people.slice(0, PEOPLE_PER_REASON) });
}

/** The reason stated for this person, if any: reading them without one asks for it first. */
export function accessReasonFor(request: FastifyRequest, applicantId: string): string | undefined {
  const reason = request.session.get('accessReason');
  return reason?.people.includes(applicantId) ? reason.text : undefined;
}

export function endSession(request: FastifyRequest): void {
  request.session.delete();
}

export function readAfter(request: FastifyRequest): string[] {
  return Object.values(request.session.get('readAfter') ?? {});
}

/** Remembers a write's log position, so the next page waits until the apps' read models show it. */
export function rememberWrite(request: FastifyRequest, logPosition: string | undefined): void {
  if (!logPosition) return;
  const app = logPosition.split(':')[0];
  request.session.set('readAfter', { ...request.session.get('readAfter'), [app]: logPosition });
}

export function setFlash(request: FastifyRequest, flash: Flash): void {
  request.session.set('flash', flash);
}

export function takeFlash(request: FastifyRequest): Flash | undefined {
  const flash = request.session.get('flash');
  if (flash) request.session.set('flash', undefined);
  return flash;
}
