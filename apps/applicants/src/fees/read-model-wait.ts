import { comparePositions, START, type EventStore, type GlobalPosition } from '@bostadsko/event-store';
import { loadCheckpoint } from '@bostadsko/postgres';
import { checkpointName, type Projection } from '@bostadsko/projections';
import { ServiceUnavailable } from '@bostadsko/platform';
import type pg from 'pg';

const TIMEOUT_MS = 60_000;
const POLL_MS = 25;

/**
 * Waits until projections have folded the log up to `position`, or, without one,
 * up to its current end. The daily job decides from read models: a day's
 * decisions must see everything written before, including the job's own notices
 * of earlier days when it catches up.
 */
export async function readModelsCaughtUp(pool: pg.Pool, store: EventStore, projections: readonly Projection<unknown>[], position?: GlobalPosition): Promise<void> {
  const until = Date.now() + TIMEOUT_MS;
  for (const projection of projections) {
    for (;;) {
      const at = (await loadCheckpoint(pool, checkpointName(projection))) ?? START;
      const done = position ? comparePositions(at, position) >= 0 : (await store.readAll({ after: at, limit: 1 })).length === 0;
      if (done) break;
      if (Date.now() > until) throw new ServiceUnavailable(`The ${projection.name} read model is behind the event log; the fee job stops and resumes from its last completed day`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
