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

/** What a bus without a readable log of its own (Kafka) replays: every message of some topics from the earliest, once. */
interface MessageReplay {
  read(limit: number): Promise<IntegrationMessage[]>;
  count(): Promise<number>;
}

/**
 * A replay read once, in order: its positions are the replay's own sequence
 * numbers (a Kafka topic set has no global position), good for the rebuild's
 * paging only, never as a checkpoint.
 */
export function replaySource(replay: MessageReplay): ProjectionSource<IntegrationMessage> {
  let sequence = 0n;
  return {
    read: async (after, limit) => {
      if ((after?.prepare ?? 0n) !== sequence) throw new Error(`a replay is read once, in order: asked after ${after?.prepare ?? 0n}, at ${sequence}`);
      return (await replay.read(limit)).map((item) => ({ position: { commit: 0n, prepare: ++sequence }, item }));
    },
    count: () => replay.count(),
  };
}

export function busLogSource(bus: PostgresBus, topics: readonly string[]): ProjectionSource<IntegrationMessage> {
  return {
    read: async (after, limit) => (await bus.readLog(after, topics, limit)).map((m) => ({ position: m.position, item: m.message })),
    count: () => bus.countLog(topics),
  };
}
