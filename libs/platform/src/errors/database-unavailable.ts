/** Seconds a client is asked to wait after a 503: PostgreSQL restarts and fail-overs take a few. */
export const RETRY_AFTER_SECONDS = 5;

// Socket errors of a connection that could not be made or was cut.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
// PostgreSQL SQLSTATEs of a server going away or refusing work: admin/crash shutdown, cannot connect now, too many connections.
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
// pg's own messages for a pool that waited too long and a client whose connection broke.
const PG_MESSAGES = /timeout exceeded when trying to connect|Connection terminated|connection error and is not queryable|Client was closed and is not queryable/i;

/**
 * Whether an error means PostgreSQL could not be reached, rather than a statement
 * being wrong: such an error is an outage (503, retry later), not a bug (500).
 * Follows `cause` and AggregateError members, which is how Node reports a refused
 * connection to a host with several addresses.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  // Duck-typed: Node's socket errors may come from another realm (a VM context), where instanceof Error fails.
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08'))) return true;
  if (typeof message === 'string' && PG_MESSAGES.test(message)) return true;
  return [cause, ...(Array.isArray(errors) ? (errors as unknown[]) : [])].some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
