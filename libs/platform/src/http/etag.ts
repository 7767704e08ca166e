import { InvalidRequest } from '@bostadsko/errors';

/** The stream revision a client saw, as a strong ETag: `"7"`. */
export function etagOf(revision: bigint): string {
  return `"${revision}"`;
}

/** The revision in an `If-Match` header; undefined when absent. A malformed header is the client's mistake (400). */
export function revisionFromIfMatch(header: string | undefined): bigint | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"(\d{1,19})"$/.exec(header.trim());
  if (!match) throw new InvalidRequest([{ field: 'If-Match', messages: ['must be an ETag this API returned, e.g. "3"'] }]);
  return BigInt(match[1]);
}
