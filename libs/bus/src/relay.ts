import type pg from 'pg';
import { type EventStore, type RecordedEvent, type Subscription, START } from '@bostadsko/event-store';
import { loadCheckpoint, storeCheckpoint } from '@bostadsko/postgres';
import type { IntegrationBus, IntegrationMessage } from './bus.port.js';

/**
 * Maps one domain event to the integration messages it means for other apps
 * (often none); asynchronously when it must open sealed personal data that a
 * consumer needs.
 */
export type IntegrationMapper = (event: RecordedEvent) => IntegrationMessage[] | Promise<IntegrationMessage[]>;

export interface RelayOptions {
  readonly name: string;
  readonly store: EventStore;
  readonly bus: IntegrationBus;
  /** Where the relay keeps its checkpoint: the producing app's database. */
  readonly checkpoints: pg.Pool;
  readonly map: IntegrationMapper;
}

/**
 * The outbox, read from the log: publishes what the app's events mean to others,
 * with how far it has read (consumers' X-Read-After watermark), then advances its checkpoint. A crash between the two republishes; message ids
 * derive from event ids, so consumers see a duplicate, never a lost message.
 */
export async function startRelay(options: RelayOptions): Promise<Subscription> {
  const checkpointName = `relay:${options.name}`;
  const from = (await loadCheckpoint(options.checkpoints, checkpointName)) ?? START;
  return options.store.subscribeToAll({ from, batchSize: 500 }, async (events) => {
    const messages = await allMessages(events.map(options.map));
    const last = events[events.length - 1].position;
    await options.bus.publish(messages, { app: options.name, position: last });
    await storeCheckpoint(options.checkpoints, checkpointName, last);
  });
}

/** The messages of several mappings, waiting only for those that had to open sealed data: most events map at once, and a burst maps thousands. */
export function allMessages(mapped: ReadonlyArray<ReturnType<IntegrationMapper>>): IntegrationMessage[] | Promise<IntegrationMessage[]> {
  if (!mapped.some((m) => m instanceof Promise)) return (mapped as IntegrationMessage[][]).flat();
  return Promise.all(mapped).then((all) => all.flat());
}

/**
 * A message id that is the same every time the relay maps the same event. It
 * occurred at the event's business time, which the training clock may put ahead
 * of the real time it was recorded at; older events have only the latter.
 */
export function integrationMessage<P>(event: RecordedEvent, type: string, key: string, payload: P): IntegrationMessage<P> {
  return {
    id: `${type}:${event.id}`,
    type,
    key,
    payload,
    correlationId: event.metadata.correlationId,
    causationId: event.id,
    occurredAt: event.metadata.occurredAt ?? event.recordedAt.toISOString(),
  };
}
