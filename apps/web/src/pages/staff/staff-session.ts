import { ForbiddenException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Call } from '../../api/api-client.js';
import { accessReasonFor, readAfter, signedIn, type StaffSession } from '../../server/session.js';

/** The back office: its own sign-in for the agency's accounts, apart from seekers' and landlords'. */
export const STAFF_HOME = '/handlaggare';
export const STAFF_SIGN_IN = '/handlaggare/logga-in';

/** Roles that handle seekers' affairs; `admin` alone reads the access log. */
const CASE_ROLES = ['staff', 'admin'] as const;

interface TokenAnswer {
  readonly access_token: string;
  readonly expires_in: number;
}

/** The session for a token the apps just issued: its subject is the account, its `roles` claim what it may do. */
export function staffSessionOf(answer: TokenAnswer, now = Date.now()): StaffSession {
  const payload = JSON.parse(Buffer.from(answer.access_token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub: string; roles: string[] };
  return { token: answer.access_token, userId: payload.sub, roles: payload.roles, expiresAt: now + answer.expires_in * 1000 };
}

/** Nobody of the staff is signed in (a seeker's or landlord's session, or none): they sign in to the back office and come back. */
export class StaffSignInRequired extends Error {}

/**
 * The signed-in staff member, if they hold one of `roles`. Signed in without it (an analyst on a case
 * officer's page) is a 403 before anything is read: the page shows nothing of what it would have.
 */
export function requireStaff(request: FastifyRequest, roles: readonly string[] = CASE_ROLES): StaffSession {
  const staff = signedIn(request, 'staff');
  if (!staff) throw new StaffSignInRequired();
  if (!staff.roles.some((role) => roles.includes(role))) throw new ForbiddenException('This account has no role for this page');
  return staff;
}

/** Every API call of a back-office page: the staff token, its own writes to wait for, and for a seeker's data the reason stated for them. */
export function asStaff(request: FastifyRequest, staff: StaffSession, applicantId?: string): Call {
  return { token: staff.token, readAfter: readAfter(request), accessReason: applicantId ? accessReasonFor(request, applicantId) : undefined };
}

export const formText = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export type { TokenAnswer };
