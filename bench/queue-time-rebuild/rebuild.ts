import type pg from 'pg';
import { queueTimeProjection } from '../../apps/applicants/src/queue-time/queue-time.projection.js';
import { PostgresEventStore } from '@bostadsko/event-store';
import { checkpointName, eventLogSource, rebuildProjection } from '@bostadsko/projections';
import { peakRssMb } from '../support/memory.js';

export interface RebuildFigures {
  readonly events: number;
  readonly seconds: number;
  readonly peakRssMb: number;
}

/** How often the rebuild's own progress report is passed on: it reports every second. */
const PROGRESS_EVERY_MS = 5_000;

/** The rebuild `npm run rebuild -- applicants queue-time` runs (applicants.rebuild.ts), with its default batch size. */
export async function measureRebuild(pool: pg.Pool, progress: (message: string) => void): Promise<RebuildFigures> {
  let lastReport = 0;
  const result = await rebuildProjection(pool, queueTimeProjection, eventLogSource(new PostgresEventStore(pool)), {
    checkpoint: checkpointName(queueTimeProjection),
    onProgress: (p) => {
      if (Date.now() - lastReport < PROGRESS_EVERY_MS && p.done < p.total) return;
      lastReport = Date.now();
      progress(`rebuild: ${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')} events, ${Math.round(p.perSecond).toLocaleString('en-US')} events/s`);
    },
  });
  // The kernel's high-water mark: the load and start-up before it ran in PostgreSQL and used little here.
  return { events: result.events, seconds: result.seconds, peakRssMb: peakRssMb() };
}
