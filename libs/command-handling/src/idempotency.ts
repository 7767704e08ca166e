import { AsyncLocalStorage } from 'node:async_hooks';

interface Scope {
  readonly key: string;
  /** Commands handled so far per stream under this key, so a request that changes one stream twice marks each change apart. */
  readonly handled: Map<string, number>;
}

const storage = new AsyncLocalStorage<Scope>();

/**
 * Runs a request's work under its Idempotency-Key (already scoped to the caller and
 * route by whoever claims it): every event a command appends meanwhile carries the
 * key, so a retry of the same request finds its outcome in the stream itself.
 */
export function withIdempotencyKey<T>(key: string, work: () => T): T {
  return storage.run({ key, handled: new Map() }, work);
}

/**
 * The mark for the next command on `streamId` under the current key: the key for
 * the first, `key#2` for the second… A retry repeats the same commands in the same
 * order (the request is the same, its hash checked), so it meets the same marks.
 */
export function idempotencyMarkFor(streamId: string): string | undefined {
  const scope = storage.getStore();
  if (!scope) return undefined;
  const n = (scope.handled.get(streamId) ?? 0) + 1;
  scope.handled.set(streamId, n);
  return n === 1 ? scope.key : `${scope.key}#${n}`;
}
