import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomUUID } from 'node:crypto';

interface Scope {
  readonly key: string;
  /** Commands handled so far per stream under this key, so a request that changes one stream twice marks each change apart. */
  readonly handled: Map<string, number>;
  /** New ids drawn so far per kind under this key, for the same reason. */
  readonly made: Map<string, number>;
}

const storage = new AsyncLocalStorage<Scope>();

/**
 * Runs a request's work under its Idempotency-Key (already scoped to the caller and
 * route by whoever claims it): every event a command appends meanwhile carries the
 * key, so a retry of the same request finds its outcome in the stream itself.
 */
export function withIdempotencyKey<T>(key: string, work: () => T): T {
  return storage.run({ key, handled: new Map(), made: new Map() }, work);
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

/** The namespace of the UUIDv5 ids below (RFC 9562 5.5): any fixed UUID, so ours never equal another system's. */
const NEW_ID_NAMESPACE = Buffer.from('0b6f3c52a1e94d7c8e2f5a9b6c4d1e70', 'hex');

/**
 * The id of a stream a command creates (a listing, a case): under an Idempotency-Key the
 * same on every attempt (UUIDv5 of the key, already scoped to caller and route, the kind
 * and how many of that kind the request drew before), so a retry after a crash between
 * the append and the recorded answer finds the stream its first attempt made, where a
 * fresh random id would make a second. Without a key, a random one.
 */
export function newStreamId(kind: string): string {
  const scope = storage.getStore();
  if (!scope) return randomUUID();
  const n = (scope.made.get(kind) ?? 0) + 1;
  scope.made.set(kind, n);
  const hash = createHash('sha1').update(NEW_ID_NAMESPACE).update(`${scope.key}\n${kind}\n${n}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
