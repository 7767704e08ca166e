import { type IntegrationMessage, ReplayFilter } from '@bostadsko/bus';
import { busLogSource, type Projection, type ProjectionSource } from '@bostadsko/projections';
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

/** A bus-fed read model replayed from the bus log, applying only what its live consumer group applied. */
export function busRebuildTarget(app: string, { projection, topics }: BusProjection): (infra: Infrastructure) => Promise<RebuildTarget<IntegrationMessage>> {
  return async (infra) => {
    if (!infra.postgresBus) throw new Error(`Replaying ${app} ${projection.name} needs the PostgreSQL bus log; with Kafka, reset the consumer group offsets instead`);
    const replay = await ReplayFilter.forGroup(infra.pool, busProjectionGroup(app, projection));
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
      source: busLogSource(infra.postgresBus, topics),
      replay,
    };
  };
}
