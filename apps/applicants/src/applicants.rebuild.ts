import { PERSONAL_DATA_MIGRATIONS } from '@bostadsko/personal-data';
import { checkpointName, eventLogSource } from '@bostadsko/projections';
import type { Infrastructure, RebuildTargets } from '@bostadsko/runtime';
import { FEE_MIGRATIONS, FEE_PROJECTIONS } from './fees/fees.wiring.js';
import { queueTimeProjection } from './queue-time/queue-time.projection.js';

export const applicantsMigrations = [...PERSONAL_DATA_MIGRATIONS, ...FEE_MIGRATIONS];

export const applicantsRebuildTargets: RebuildTargets = {
  'queue-time': (infra) => ({
    projection: queueTimeProjection,
    source: eventLogSource(infra.store),
    checkpoint: checkpointName(queueTimeProjection),
  }),
  ...Object.fromEntries(FEE_PROJECTIONS.map((p) => [p.name, (infra: Infrastructure) => ({ projection: p, source: eventLogSource(infra.store), checkpoint: checkpointName(p) })])),
};
