import { VersionConflictError } from './errors.js';
import type { AppendResult, EventStore, RecordedEvent, StreamAppend } from './event-store.port.js';

/** `appendEach` for a store without a multi-stream write: each append in turn, conflicts kept in place. */
export async function appendOneByOne(store: Pick<EventStore, 'append'>, appends: readonly StreamAppend[]): Promise<Array<AppendResult | VersionConflictError>> {
  const results: Array<AppendResult | VersionConflictError> = [];
  for (const { streamId, events, expected } of appends) {
    results.push(
      await store.append(streamId, events, expected).catch((error: unknown) => {
        if (error instanceof VersionConflictError) return error;
        throw error;
      }),
    );
  }
  return results;
}

/** `readStreams` for a store without a multi-stream read: the streams read side by side. */
export async function readEach(store: Pick<EventStore, 'readStream'>, streamIds: readonly string[], from?: ReadonlyMap<string, bigint>): Promise<Map<string, RecordedEvent[]>> {
  const unique = [...new Set(streamIds)];
  const read = await Promise.all(unique.map((id) => store.readStream(id, from?.get(id))));
  return new Map(unique.map((id, i) => [id, read[i]]));
}
