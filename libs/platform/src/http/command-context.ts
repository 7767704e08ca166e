import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@bostadsko/command-handling';
import { currentCorrelationId } from '../logging/correlation-id.js';

/** A command's context from the request being handled: its correlation id (the request is also the cause), who, and If-Match. */
export function commandContext(actor: string, expectedRevision?: bigint): CommandContext {
  return { correlationId: currentCorrelationId() ?? randomUUID(), actor, expectedRevision };
}
