import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@bostadsko/command-handling';
import { currentCorrelationId } from '@bostadsko/platform';

/** A command's context in the request (or job run) being handled: its correlation id, or a new one outside any. */
export const contextOf = (actor: string, more: Omit<CommandContext, 'correlationId' | 'actor'> = {}): CommandContext => ({
  correlationId: currentCorrelationId() ?? randomUUID(),
  actor,
  ...more,
});
