import type { SeekerSession } from '../../server/session.js';

interface TokenAnswer {
  readonly access_token: string;
  readonly expires_in: number;
}

/** The session for a token the applicants app just issued: its subject is the account id. */
export function seekerSessionOf(answer: TokenAnswer, now = Date.now()): SeekerSession {
  const payload = JSON.parse(Buffer.from(answer.access_token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub: string };
  return { token: answer.access_token, applicantId: payload.sub, expiresAt: now + answer.expires_in * 1000 };
}

export type { TokenAnswer };
