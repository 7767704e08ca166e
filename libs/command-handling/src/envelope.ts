import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@bostadsko/event-store';
import type { CommandContext } from './command-context.js';
import type { DecidedEvent } from './decider.js';
import type { EventSchemas } from './event-schemas.js';

/**
 * The one place an event gets its envelope: a new id, the schema version its type
 * is registered with, and metadata with correlation and causation always set (the
 * causation defaults to the correlation id: the request itself caused it). The
 * store stamps business time (`occurredAt`) on append.
 */
export function envelope(event: DecidedEvent, schemas: EventSchemas, context: CommandContext, idempotencyKey?: string): NewEvent {
  return {
    id: randomUUID(),
    type: event.type,
    schemaVersion: schemas.versionOf(event.type),
    data: event.data,
    metadata: {
      correlationId: context.correlationId,
      causationId: context.causationId ?? context.correlationId,
      actor: context.actor,
      ...(idempotencyKey !== undefined && { idempotencyKey }),
    },
  };
}
