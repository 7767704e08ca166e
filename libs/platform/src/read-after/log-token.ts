/**
 * A position in one app's event log as it travels in HTTP headers:
 * `<app>:<commit>-<prepare>`, e.g. `applicants:7413-18446`. Positions are pairs
 * (PostgreSQL: writing transaction's xid8, row sequence), because the sequence
 * alone does not order the log; clients keep tokens as opaque text.
 */
export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export interface LogToken {
  readonly app: string;
  readonly position: LogPosition;
}

export const LOG_POSITION_HEADER = 'x-log-position';
export const READ_AFTER_HEADER = 'x-read-after';
/** On a response that waited for X-Read-After and gave up: the tokens its read models had not reached. */
export const READ_STALE_HEADER = 'x-read-stale';

const TOKEN = /^([a-z][a-z0-9-]{0,39}):(\d{1,20})-(\d{1,20})$/;
/** A session holds one token per app: a handful; more is not a web client. */
const MOST_TOKENS = 16;

export function formatToken({ app, position }: LogToken): string {
  return `${app}:${position.commit}-${position.prepare}`;
}

/** The well-formed tokens of an X-Read-After header; malformed ones are dropped, as tokens an app cannot relate to are. */
export function parseTokens(header: string | string[] | undefined): LogToken[] {
  if (header === undefined) return [];
  const parts = (Array.isArray(header) ? header.join(',') : header).split(',').slice(0, MOST_TOKENS);
  return parts.flatMap((part) => {
    const match = TOKEN.exec(part.trim());
    return match ? [{ app: match[1], position: { commit: BigInt(match[2]), prepare: BigInt(match[3]) } }] : [];
  });
}

export function comparePositions(a: LogPosition, b: LogPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}
