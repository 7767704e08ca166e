import { checkpointName, eventLogSource } from '../../../../libs/projections/src/index.js';
import type { RebuildTargets } from '../../../../libs/runtime/src/rebuild-target.js';
import { lettingParticipantsProjection } from './letting-participants.projection.js';

export const lettingRebuildTargets: RebuildTargets = {
  'letting-participants': (infra) => ({ projection: lettingParticipantsProjection, source: eventLogSource(infra.store), checkpoint: checkpointName(lettingParticipantsProjection) }),
};
