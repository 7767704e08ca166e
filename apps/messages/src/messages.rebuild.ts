import { checkpointName, eventLogSource } from '../../../libs/projections/src/index.js';
import type { Infrastructure } from '../../../libs/runtime/src/infrastructure.js';
import type { RebuildTargets } from '../../../libs/runtime/src/rebuild-target.js';
import { MESSAGES_MIGRATIONS, MESSAGES_REBUILDABLE } from './messages.wiring.js';

export const messagesMigrations = MESSAGES_MIGRATIONS;

export const messagesRebuildTargets: RebuildTargets = Object.fromEntries(
  MESSAGES_REBUILDABLE.map((p) => [p.name, (infra: Infrastructure) => ({ projection: p, source: eventLogSource(infra.store), checkpoint: checkpointName(p) })]),
);
