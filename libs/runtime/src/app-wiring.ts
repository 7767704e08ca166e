import type { Type } from '@nestjs/common';
import { checkpointName, eventLogSource } from '@bostadsko/projections';
import type { EventSourcingOptions } from './event-sourcing.module.js';
import type { Infrastructure } from './infrastructure.js';
import { busRebuildTarget, type RebuildTargets } from './rebuild-target.js';

/**
 * Everything an app runs beside its requests, in one place (`apps/<app>/src/<app>.wiring.ts`):
 * the app's module starts it (EventSourcingModule.forRoot(wiring), its consumers and jobs as
 * providers) and the rebuild registry replays it, so neither can list a read model the other misses.
 */
export interface AppWiring extends EventSourcingOptions {
  /** Own-log projections the rebuild leaves out, each with the reason (a replay would act again). */
  readonly notRebuilt?: Readonly<Record<string, string>>;
  /** Bus consumers that act (dispatch commands) rather than keep a read model. */
  readonly consumers?: readonly Type[];
  /** Scheduled jobs and workers. */
  readonly jobs?: readonly Type[];
}

/** The rebuild registry of an app: every projection of its wiring, own-log and bus-fed, but those it says are not rebuilt. */
export function rebuildTargetsOf(wiring: AppWiring): RebuildTargets {
  const notRebuilt = wiring.notRebuilt ?? {};
  return {
    ...Object.fromEntries(
      (wiring.projections ?? [])
        .filter((p) => !(p.name in notRebuilt))
        .map((p) => [p.name, (infra: Infrastructure) => ({ projection: p, source: eventLogSource(infra.store), checkpoint: checkpointName(p) })]),
    ),
    ...Object.fromEntries((wiring.busProjections ?? []).filter((bus) => !(bus.projection.name in notRebuilt)).map((bus) => [bus.projection.name, busRebuildTarget(wiring.app, bus)])),
  };
}

/** The consumers and jobs of a wiring, for the app module's providers. */
export function backgroundProviders(wiring: AppWiring): Type[] {
  return [...(wiring.consumers ?? []), ...(wiring.jobs ?? [])];
}
