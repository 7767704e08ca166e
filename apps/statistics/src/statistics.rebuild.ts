import { rebuildTargetsOf } from '@bostadsko/runtime';
import { STATISTICS_WIRING } from './statistics.wiring.js';

/** `npm run rebuild -- statistics <seekers|applications|lettings|listings|landlords>`: replays the bus log from its start. */
export const statisticsRebuildTargets = rebuildTargetsOf(STATISTICS_WIRING);
