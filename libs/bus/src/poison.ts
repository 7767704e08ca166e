import { CONTRACTS } from '@bostadsko/contracts/registry';
import type { IntegrationMessage } from './bus.port.js';

/** How a failure reads in a dead letter and in a replay's report. */
export const errorText = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/**
 * The one decision on a message, made by the live consumer and by every replay of
 * the bus log: undefined to apply it, else why it is poison (its payload breaks its
 * contract). Retrying never mends poison, so the live consumer dead-letters it at
 * once and a replay skips it, whether or not the live consumer has got to it yet.
 */
export function poisonReason(message: IntegrationMessage): string | undefined {
  try {
    CONTRACTS.get(message.type)?.parse(message.payload);
    return undefined;
  } catch (error) {
    return errorText(error);
  }
}
