/**
 * How often a command is decided again after another writer got to its stream
 * first. Only a revision conflict is retried, and only without If-Match (with it the
 * caller must look again: 412). Immediate: the conflict means fresh state is
 * already there to read. Eight attempts outlast the contention measured in the
 * apply burst (the highest of the five loops this replaces; three had five).
 */
export interface RetryPolicy {
  readonly maxAttempts: number;
}

export const RETRY_POLICY: RetryPolicy = Object.freeze({ maxAttempts: 8 });
