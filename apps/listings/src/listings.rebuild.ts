import { busLogSource, checkpointName, eventLogSource } from '../../../libs/projections/src/index.js';
import type { Infrastructure } from '../../../libs/runtime/src/infrastructure.js';
import type { RebuildTargets } from '../../../libs/runtime/src/rebuild-target.js';
import { lettingRebuildTargets } from './letting/letting.rebuild.js';
import { LISTING_BUS_PROJECTIONS, LISTING_PROJECTIONS } from './listings.wiring.js';

export { listingsMigrations } from './listings.wiring.js';

export const listingsRebuildTargets: RebuildTargets = {
  ...Object.fromEntries(LISTING_PROJECTIONS.map((p) => [p.name, (infra: Infrastructure) => ({ projection: p, source: eventLogSource(infra.store), checkpoint: checkpointName(p) })])),
  ...Object.fromEntries(
    LISTING_BUS_PROJECTIONS.map(({ projection, topics }) => [
      projection.name,
      (infra: Infrastructure) => {
        if (!infra.postgresBus) throw new Error('Replaying bus read models needs the PostgreSQL bus log; with Kafka, reset the consumer group offsets instead');
        return { projection, source: busLogSource(infra.postgresBus, topics) };
      },
    ]),
  ),
  ...lettingRebuildTargets,
};
