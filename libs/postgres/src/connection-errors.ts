import type pg from 'pg';

/** PostgreSQL's admin_shutdown: the server is stopping, e.g. when Ctrl-C reaches it and the apps of `npm start` together. */
const SERVER_SHUTTING_DOWN = '57P01';

/**
 * A connection can drop at any time (a database restart, a cut network, a
 * shutdown before the app's), and a pg client with no 'error' listener then
 * crashes the process. The pool listens while a client is idle and re-emits on
 * itself; while a client is checked out (a transaction, the bus's delivery, a
 * rebuild) nobody would, so every client gets a listener from acquire to
 * release. The query in flight fails with the error anyway, and pg discards the
 * broken client on release; so a warning is all that is left to do, and none
 * for a server shutting down.
 */
export function reportConnectionErrors(pool: pg.Pool, warn: (message: string) => void): void {
  const report = (held: boolean) => (error: Error & { code?: string }) => {
    if (error.code !== SERVER_SHUTTING_DOWN) warn(`${held ? 'Checked-out' : 'Idle'} PostgreSQL connection failed: ${error.message}`);
  };
  pool.on('error', report(false));
  const whileHeld = report(true);
  pool.on('acquire', (client) => client.on('error', whileHeld));
  pool.on('release', (_error, client) => client.off('error', whileHeld));
}

// Socket errors of a connection that could not be made or was cut.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
// PostgreSQL SQLSTATEs of a server going away or refusing work: admin/crash shutdown, cannot connect now, too many connections.
const SERVER_CODES = new Set([SERVER_SHUTTING_DOWN, '57P02', '57P03', '53300']);
// pg's own messages for a pool that waited too long and a client whose connection broke.
const PG_MESSAGES = /timeout exceeded when trying to connect|Connection terminated|connection error and is not queryable|Client was closed and is not queryable/i;

/**
 * Whether an error means PostgreSQL could not be reached, rather than a statement
 * being wrong: such an error is an outage (503, retry later), not a bug (500).
 * A server stopped behind a Unix socket (the embedded one of `npm start`) has
 * removed its socket file, so connecting fails with ENOENT rather than a refusal.
 * Follows `cause` and AggregateError members, which is how Node reports a refused
 * connection to a host with several addresses.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  // Duck-typed: Node's socket errors may come from another realm (a VM context), where instanceof Error fails.
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { code, syscall, message, cause, errors } = error as { code?: unknown; syscall?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08'))) return true;
  if (code === 'ENOENT' && syscall === 'connect') return true;
  if (typeof message === 'string' && PG_MESSAGES.test(message)) return true;
  return [cause, ...(Array.isArray(errors) ? (errors as unknown[]) : [])].some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
