import { busLogSource } from '../../../libs/projections/src/index.js';
import type { RebuildTargets } from '../../../libs/runtime/src/rebuild-target.js';
import { STATISTICS_STORE } from './store/statistics-store.js';

/** `npm run rebuild -- statistics <seekers|applications|lettings|listings|landlords>`: replays the bus log from its start. */
export const statisticsRebuildTargets: RebuildTargets = Object.fromEntries(
  STATISTICS_STORE.map(({ projection, topics }) => [
    projection.name,
    (infra) => {
      if (!infra.postgresBus) throw new Error('Replaying statistics needs the PostgreSQL bus log; with Kafka, reset the consumer group offsets instead');
      return { projection, source: busLogSource(infra.postgresBus, topics) };
    },
  ]),
);
