import type { RecordedEvent } from '@bostadsko/event-store';
import type { DecidedEvent } from './decider.js';

/** One event type's current schema version, and how to lift data written under an older one. */
export interface EventSchema {
  readonly version: number;
  /** Called with data recorded under `from` (< version); returns it in the current shape. */
  readonly upcast?: (data: unknown, from: number) => unknown;
}

/**
 * The schema version of every event type of a stream, so the envelope records the
 * version the data was written in and a reader can lift old data before `evolve`.
 * Typed over the stream's event union: leaving a type out does not compile, and an
 * unknown type at run time is a programming error, not a silent version 1.
 */
export class EventSchemas<Event extends DecidedEvent = DecidedEvent> {
  private readonly byType: ReadonlyMap<string, EventSchema>;

  constructor(schemas: { readonly [Type in Event['type']]: EventSchema | number }) {
    this.byType = new Map(Object.entries<EventSchema | number>(schemas).map(([type, schema]) => [type, typeof schema === 'number' ? { version: schema } : schema]));
  }

  versionOf(type: string): number {
    const schema = this.byType.get(type);
    if (!schema) throw new Error(`Event type '${type}' has no schema version registered`);
    return schema.version;
  }

  /** The event with its data in the current schema; events already current (or of types this registry does not know) pass unchanged. */
  upcast(event: RecordedEvent): RecordedEvent {
    const schema = this.byType.get(event.type);
    if (!schema?.upcast || event.schemaVersion >= schema.version) return event;
    return { ...event, data: schema.upcast(event.data, event.schemaVersion), schemaVersion: schema.version };
  }
}
