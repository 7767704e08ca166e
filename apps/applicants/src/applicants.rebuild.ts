import { PERSONAL_DATA_MIGRATIONS } from '../../../libs/personal-data/src/personal-data.vault.js';
import { checkpointName, eventLogSource } from '../../../libs/projections/src/index.js';
import type { RebuildTargets } from '../../../libs/runtime/src/rebuild-target.js';
import { queueTimeProjection } from './queue-time/queue-time.projection.js';

export const applicantsMigrations = PERSONAL_DATA_MIGRATIONS;

export const applicantsRebuildTargets: RebuildTargets = {
  'queue-time': (infra) => ({
    projection: queueTimeProjection,
    source: eventLogSource(infra.store),
    checkpoint: checkpointName(queueTimeProjection),
  }),
};
