import { checkpointName, eventLogSource } from '../../../libs/projections/src/index.js';
import type { Infrastructure } from '../../../libs/runtime/src/infrastructure.js';
import { busRebuildTarget, type RebuildTargets } from '../../../libs/runtime/src/rebuild-target.js';
import { lettingRebuildTargets } from './letting/letting.rebuild.js';
import { LISTING_BUS_PROJECTIONS, LISTING_PROJECTIONS } from './listings.wiring.js';

export { listingsMigrations } from './listings.wiring.js';

export const listingsRebuildTargets: RebuildTargets = {
  ...Object.fromEntries(LISTING_PROJECTIONS.map((p) => [p.name, (infra: Infrastructure) => ({ projection: p, source: eventLogSource(infra.store), checkpoint: checkpointName(p) })])),
  ...Object.fromEntries(LISTING_BUS_PROJECTIONS.map((bus) => [bus.projection.name, busRebuildTarget('listings', bus)])),
  ...lettingRebuildTargets,
};
