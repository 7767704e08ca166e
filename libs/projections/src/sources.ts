import type { IntegrationMessage, PostgresBus } from '@bostadsko/bus';
import { PostgresEventStore, type EventStore, type RecordedEvent } from '@bostadsko/event-store';
import type { ProjectionSource } from './projection.js';

export function eventLogSource(store: EventStore): ProjectionSource<RecordedEvent> {
  return {
    read: async (after, limit) => (await store.readAll({ after, limit })).map((e) => ({ position: e.position, item: e })),
    count: () => store.countEvents(),
    ...(store instanceof PostgresEventStore && {
      byStream: {
        head: () => store.headPosition(),
        copy: (upTo, streamPrefix, onEvent) => store.copyStreamsUpTo(upTo, streamPrefix, onEvent),
      },
    }),
  };
}

export function busLogSource(bus: PostgresBus, topics: readonly string[]): ProjectionSource<IntegrationMessage> {
  return {
    read: async (after, limit) => (await bus.readLog(after, topics, limit)).map((m) => ({ position: m.position, item: m.message })),
    count: () => bus.countLog(topics),
  };
}
