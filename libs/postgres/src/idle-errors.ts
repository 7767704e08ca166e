import type pg from 'pg';

/** PostgreSQL's admin_shutdown: the server is stopping, e.g. when Ctrl-C reaches it and the apps of `npm start` together. */
const SERVER_SHUTTING_DOWN = '57P01';

/**
 * An idle connection can drop (a database restart, or a shutdown before the
 * app's); unlistened, the pool's 'error' event would crash the process. The pool
 * replaces the connection on next use, and a query fails loudly if the server is
 * gone, so a server shutting down is not warned about.
 */
export function reportIdleErrors(pool: pg.Pool, warn: (message: string) => void): void {
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== SERVER_SHUTTING_DOWN) warn(`Idle PostgreSQL connection failed: ${error.message}`);
  });
}
