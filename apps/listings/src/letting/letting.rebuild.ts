import { checkpointName, eventLogSource } from '@bostadsko/projections';
import type { RebuildTargets } from '@bostadsko/runtime';
import { lettingParticipantsProjection } from './letting-participants.projection.js';

export const lettingRebuildTargets: RebuildTargets = {
  'letting-participants': (infra) => ({ projection: lettingParticipantsProjection, source: eventLogSource(infra.store), checkpoint: checkpointName(lettingParticipantsProjection) }),
};
