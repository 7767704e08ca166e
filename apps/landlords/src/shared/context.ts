import { randomUUID } from 'node:crypto';
import { currentCorrelationId } from '@bostadsko/platform';
import type { CommandContext } from './aggregate-store.js';

export function commandContext(actor: string, expectedRevision?: bigint): CommandContext {
  return { correlationId: currentCorrelationId() ?? randomUUID(), actor, expectedRevision };
}

/** What Fastify's reply offers a controller with `passthrough`. */
export interface Reply {
  header(name: string, value: string): unknown;
}
