import { rebuildTargetsOf } from '@bostadsko/runtime';
import { MESSAGES_WIRING } from './messages.wiring.js';

export const messagesRebuildTargets = rebuildTargetsOf(MESSAGES_WIRING);
