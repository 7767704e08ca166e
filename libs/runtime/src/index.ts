export { type AppWiring, backgroundProviders, rebuildTargetsOf } from './app-wiring.js';
export { Batcher } from './batcher.js';
export { busProjectionGroup } from './bus-projection.js';
export { EventSourcingModule, eventSourcingHealth, EVENT_SOURCING_OPTIONS, INFRASTRUCTURE, type BusProjection } from './event-sourcing.module.js';
export { createInfrastructure, type Infrastructure } from './infrastructure.js';
export { busRebuildTarget, type RebuildTarget, type RebuildTargets } from './rebuild-target.js';
export { readModelsProvider } from './read-models.js';
