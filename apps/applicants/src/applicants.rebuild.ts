import { PERSONAL_DATA_MIGRATIONS } from '../../../libs/personal-data/src/personal-data.vault.js';
import { checkpointName, eventLogSource } from '../../../libs/projections/src/index.js';
import type { Infrastructure } from '../../../libs/runtime/src/infrastructure.js';
import type { RebuildTargets } from '../../../libs/runtime/src/rebuild-target.js';
import { FEE_MIGRATIONS, FEE_PROJECTIONS } from './fees/fees.wiring.js';
import { queueTimeProjection } from './queue-time/queue-time.projection.js';
import { seekerDirectoryProjection } from './seeker-search/seeker-directory.projection.js';
import { customerCasesProjection } from './cases/customer-cases.projection.js';

export const applicantsMigrations = [...PERSONAL_DATA_MIGRATIONS, ...FEE_MIGRATIONS];

export const applicantsRebuildTargets: RebuildTargets = {
  'queue-time': (infra) => ({
    projection: queueTimeProjection,
    source: eventLogSource(infra.store),
    checkpoint: checkpointName(queueTimeProjection),
  }),
  'seeker-directory': (infra) => ({
    projection: seekerDirectoryProjection,
    source: eventLogSource(infra.store),
    checkpoint: checkpointName(seekerDirectoryProjection),
  }),
  'customer-cases': (infra) => ({
    projection: customerCasesProjection,
    source: eventLogSource(infra.store),
    checkpoint: checkpointName(customerCasesProjection),
  }),
  ...Object.fromEntries(FEE_PROJECTIONS.map((p) => [p.name, (infra: Infrastructure) => ({ projection: p, source: eventLogSource(infra.store), checkpoint: checkpointName(p) })])),
};
