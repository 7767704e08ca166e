import { rebuildTargetsOf } from '@bostadsko/runtime';
import { LISTINGS_WIRING } from './listings.wiring.js';

export const listingsRebuildTargets = rebuildTargetsOf(LISTINGS_WIRING);
