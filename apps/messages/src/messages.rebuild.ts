import { checkpointName, eventLogSource } from '@bostadsko/projections';
import { busRebuildTarget, type Infrastructure, type RebuildTargets } from '@bostadsko/runtime';
import { MESSAGES_BUS_PROJECTIONS, MESSAGES_MIGRATIONS, MESSAGES_REBUILDABLE } from './messages.wiring.js';

export const messagesMigrations = MESSAGES_MIGRATIONS;

export const messagesRebuildTargets: RebuildTargets = {
  ...Object.fromEntries(MESSAGES_REBUILDABLE.map((p) => [p.name, (infra: Infrastructure) => ({ projection: p, source: eventLogSource(infra.store), checkpoint: checkpointName(p) })])),
  ...Object.fromEntries(MESSAGES_BUS_PROJECTIONS.map((bus) => [bus.projection.name, busRebuildTarget('messages', bus)])),
};
