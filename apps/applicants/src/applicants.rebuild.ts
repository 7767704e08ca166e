import { rebuildTargetsOf } from '@bostadsko/runtime';
import { APPLICANTS_WIRING } from './applicants.wiring.js';

export const applicantsRebuildTargets = rebuildTargetsOf(APPLICANTS_WIRING);
