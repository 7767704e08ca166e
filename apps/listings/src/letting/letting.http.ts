import { etagOf } from '@bostadsko/platform';

export interface Reply {
  header(name: string, value: string): unknown;
}

export function withEtag(reply: Reply, revision: bigint | undefined): void {
  if (revision !== undefined) reply.header('etag', etagOf(revision));
}
