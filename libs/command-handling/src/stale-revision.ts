import { PreconditionFailed } from '@bostadsko/errors';

/** If-Match named a revision the stream is no longer at: the caller's copy is stale (412), whatever the app. */
export function staleRevision(expected: bigint, actual: bigint | undefined): PreconditionFailed {
  return new PreconditionFailed(`It changed since you read it (your ETag "${expected}"): fetch it again and retry`, {
    type: 'https://bostadsko.se/problems/stale-etag',
    extensions: { currentRevision: actual === undefined ? null : String(actual) },
  });
}
