import { etagOf, revisionFromIfMatch, type AuthenticatedUser } from '@bostadsko/platform';
import type { Actor } from './letting.service.js';

export interface Reply {
  header(name: string, value: string): unknown;
}

/** The caller and, from If-Match, the letting revision it saw. */
export const actorOf = (user: AuthenticatedUser, ifMatch?: string): Actor => ({ id: user.id, expectedRevision: revisionFromIfMatch(ifMatch) });

export function withEtag(reply: Reply, revision: bigint | undefined): void {
  if (revision !== undefined) reply.header('etag', etagOf(revision));
}
