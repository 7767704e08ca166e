import { VersionConflictError } from '@bostadsko/event-store';
import { PreconditionFailed } from '@bostadsko/platform';

/** With If-Match, a changed stream means the client's copy is stale: 412, not a silent retry. */
export async function withIfMatch<T>(expectedRevision: bigint | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (expectedRevision !== undefined && error instanceof VersionConflictError) {
      throw new PreconditionFailed('The account changed since you read it: fetch it again and retry', { extensions: { currentRevision: String(error.actual) } });
    }
    throw error;
  }
}
