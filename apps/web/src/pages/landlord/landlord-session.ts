import type { FastifyRequest } from 'fastify';
import type { Call } from '../../api/api-client.js';
import { readAfter, signedIn, type LandlordSession } from '../../server/session.js';

/** The landlords' section of the site: its own sign-in, and its own home to return to. */
export const LANDLORD_HOME = '/hyresvard';
export const LANDLORD_SIGN_IN = '/hyresvard/logga-in';

interface TokenAnswer {
  readonly access_token: string;
  readonly expires_in: number;
}

/** The session for a token the landlords app just issued: its subject is the user, its `landlordId` claim the organisation. */
export function landlordSessionOf(answer: TokenAnswer, now = Date.now()): LandlordSession {
  const payload = JSON.parse(Buffer.from(answer.access_token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub: string; landlordId: string };
  return { token: answer.access_token, userId: payload.sub, landlordId: payload.landlordId, expiresAt: now + answer.expires_in * 1000 };
}

/** No landlord is signed in (a seeker's session, or none): the person signs in as a landlord and comes back; a seeker stays signed in. */
export class LandlordSignInRequired extends Error {}

export function requireLandlord(request: FastifyRequest): LandlordSession {
  const landlord = signedIn(request, 'landlord');
  if (!landlord) throw new LandlordSignInRequired();
  return landlord;
}

/** Every API call of a landlord page: the landlord's token, and its own writes to wait for. */
export function asLandlord(request: FastifyRequest, landlord: LandlordSession): Call {
  return { token: landlord.token, readAfter: readAfter(request) };
}

export const idempotencyKey = (body: Record<string, unknown>): string | undefined => (typeof body._idem === 'string' ? body._idem : undefined);

export const formText = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export type { TokenAnswer };
