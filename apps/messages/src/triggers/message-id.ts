import { createHash } from 'node:crypto';

/**
 * The id of the message an integration event means for one person, the same on
 * every redelivery (the bus's message id is derived from the source event): the
 * decider keeps it once and the outbox sends it once.
 */
export function messageIdFor(cause: string, applicantId: string, kind: string): string {
  const hex = createHash('sha256').update(`${cause}\n${applicantId}\n${kind}`).digest('hex');
  // A UUID in form (version 8, custom), so it fits the uuid columns and the API's id parameters.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
