import { type IntegrationMessage, ReplayFilter } from '@bostadsko/bus';
import { busLogSource, replaySource, type Projection, type ProjectionSource } from '@bostadsko/projections';
import { busProjectionGroup } from './bus-projection.js';
import type { BusProjection } from './event-sourcing.module.js';
import type { Infrastructure } from './infrastructure.js';

export interface RebuildTarget<T = any> {
  readonly projection: Projection<T>;
  readonly source: ProjectionSource<T>;
  /** The live runner's checkpoint, for projections of the app's own event log. */
  readonly checkpoint?: string;
  /** For bus-fed read models: what the replay left out, as the live consumer did. */
  readonly replay?: ReplayFilter;
}

export type RebuildTargets = Record<string, (infra: Infrastructure) => RebuildTarget | Promise<RebuildTarget>>;

/**
 * A bus-fed read model replayed from the bus, applying only what its live consumer
 * group applied: from the PostgreSQL bus log, or from its Kafka topics' earliest
 * offsets (the live group's offsets stay as they are; its inbox skips what it
 * applied before the swap, and the projection's apply is idempotent for the rest).
 */
export function busRebuildTarget(app: string, { projection, topics }: BusProjection): (infra: Infrastructure) => Promise<RebuildTarget<IntegrationMessage>> {
  return async (infra) => {
    const replay = await ReplayFilter.forGroup(infra.pool, busProjectionGroup(app, projection));
    const source = infra.postgresBus
      ? busLogSource(infra.postgresBus, topics)
      : infra.kafkaBus
        ? replaySource(await infra.kafkaBus.replay({ topics, onUnreadable: (message, error) => replay.unreadableRecord(message, error) }))
        : undefined;
    if (!source) throw new Error(`Replaying ${app} ${projection.name} needs a bus that keeps its messages (PostgreSQL or Kafka)`);
    return {
      projection: {
        ...projection,
        apply: (tx, table, messages) =>
          projection.apply(
            tx,
            table,
            messages.filter((m) => replay.admits(m)),
          ),
      },
      source,
      replay,
    };
  };
}
