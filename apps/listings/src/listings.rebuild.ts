import { checkpointName, eventLogSource } from '@bostadsko/projections';
import { type Infrastructure, busRebuildTarget, type RebuildTargets } from '@bostadsko/runtime';
import { lettingRebuildTargets } from './letting/letting.rebuild.js';
import { LISTING_BUS_PROJECTIONS, LISTING_PROJECTIONS } from './listings.wiring.js';

export { listingsMigrations } from './listings.wiring.js';

export const listingsRebuildTargets: RebuildTargets = {
  ...Object.fromEntries(LISTING_PROJECTIONS.map((p) => [p.name, (infra: Infrastructure) => ({ projection: p, source: eventLogSource(infra.store), checkpoint: checkpointName(p) })])),
  ...Object.fromEntries(LISTING_BUS_PROJECTIONS.map((bus) => [bus.projection.name, busRebuildTarget('listings', bus)])),
  ...lettingRebuildTargets,
};
