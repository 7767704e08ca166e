import { busLogSource } from '../../../libs/projections/src/index.js';
import type { RebuildTargets } from '../../../libs/runtime/src/rebuild-target.js';
import { SEEKER_TOPICS, seekersProjection } from './seekers/seekers.projection.js';

export const statisticsRebuildTargets: RebuildTargets = {
  seekers: (infra) => {
    if (!infra.postgresBus) throw new Error('Replaying statistics needs the PostgreSQL bus log; with Kafka, reset the consumer group offsets instead');
    return { projection: seekersProjection, source: busLogSource(infra.postgresBus, SEEKER_TOPICS) };
  },
};
