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
