import type { NewEvent } from './event-store.port.js';

/** Where a store gets business time from: the app's Clock, which the training clock may run ahead of the wall clock. */
export type BusinessNow = () => Date;

/**
 * Stamps business time into the metadata of events that lack it; the store's
 * `recordedAt` stays real time, so an event made under the training clock
 * shows both. Left alone without a source of business time (tools that only read).
 */
export function withBusinessTime(events: NewEvent[], businessNow: BusinessNow | undefined): NewEvent[] {
  if (!businessNow) return events;
  const occurredAt = businessNow().toISOString();
  return events.map((e) => (e.metadata.occurredAt ? e : { ...e, metadata: { ...e.metadata, occurredAt } }));
}
