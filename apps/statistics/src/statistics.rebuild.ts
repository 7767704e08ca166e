import { busRebuildTarget, type RebuildTargets } from '@bostadsko/runtime';
import { STATISTICS_STORE } from './store/statistics-store.js';

/** `npm run rebuild -- statistics <seekers|applications|lettings|listings|landlords>`: replays the bus log from its start. */
export const statisticsRebuildTargets: RebuildTargets = Object.fromEntries(STATISTICS_STORE.map((bus) => [bus.projection.name, busRebuildTarget('statistics', bus)]));
