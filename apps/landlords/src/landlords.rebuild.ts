import { rebuildTargetsOf } from '@bostadsko/runtime';
import { LANDLORDS_WIRING } from './landlords.wiring.js';

export const landlordsRebuildTargets = rebuildTargetsOf(LANDLORDS_WIRING);
