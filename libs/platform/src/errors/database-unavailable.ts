/** Seconds a client is asked to wait after a 503: PostgreSQL restarts and fail-overs take a few. */
export const RETRY_AFTER_SECONDS = 5;
