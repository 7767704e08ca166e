import { checkpointName, eventLogSource } from '@bostadsko/projections';
import { type Infrastructure, busRebuildTarget, type RebuildTargets } from '@bostadsko/runtime';
import { LANDLORDS_BUS_PROJECTIONS, LANDLORDS_MIGRATIONS, LANDLORDS_PROJECTIONS } from './landlords.wiring.js';

export const landlordsMigrations = LANDLORDS_MIGRATIONS;

export const landlordsRebuildTargets: RebuildTargets = {
  ...Object.fromEntries(LANDLORDS_PROJECTIONS.map((p) => [p.name, (infra: Infrastructure) => ({ projection: p, source: eventLogSource(infra.store), checkpoint: checkpointName(p) })])),
  ...Object.fromEntries(LANDLORDS_BUS_PROJECTIONS.map((bus) => [bus.projection.name, busRebuildTarget('landlords', bus)])),
};
