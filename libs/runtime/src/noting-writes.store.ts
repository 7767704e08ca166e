import { VersionConflictError, type EventStore } from '@bostadsko/event-store';
import { noteLogWrite } from '@bostadsko/platform';

/**
 * The event store as an app uses it: each append notes its position for the
 * request that caused it, which answers it in X-Log-Position. A derived object,
 * not a copy, so the store keeps its type (rebuilds ask for PostgresEventStore).
 */
export function notingWrites(store: EventStore): EventStore {
  const noting: EventStore = Object.create(store);
  noting.append = async (streamId, events, expected) => {
    const result = await store.append(streamId, events, expected);
    noteLogWrite(result.position);
    return result;
  };
  noting.appendEach = async (appends) => {
    const results = await store.appendEach(appends);
    for (const result of results) if (!(result instanceof VersionConflictError)) noteLogWrite(result.position);
    return results;
  };
  return noting;
}
