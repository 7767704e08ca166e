import { describe, expect, it } from '@jest/globals';
import type { DynamicModule, Provider, Type } from '@nestjs/common';
import { backgroundProviders, EVENT_SOURCING_OPTIONS, EventSourcingModule, type AppWiring, type RebuildTargets } from '@bostadsko/runtime';
import { ApplicantsModule } from '../../apps/applicants/src/applicants.module.js';
import { applicantsRebuildTargets } from '../../apps/applicants/src/applicants.rebuild.js';
import { APPLICANTS_WIRING } from '../../apps/applicants/src/applicants.wiring.js';
import { LandlordsModule } from '../../apps/landlords/src/landlords.module.js';
import { landlordsRebuildTargets } from '../../apps/landlords/src/landlords.rebuild.js';
import { LANDLORDS_WIRING } from '../../apps/landlords/src/landlords.wiring.js';
import { ListingsModule } from '../../apps/listings/src/listings.module.js';
import { listingsRebuildTargets } from '../../apps/listings/src/listings.rebuild.js';
import { LISTINGS_WIRING } from '../../apps/listings/src/listings.wiring.js';
import { MessagesModule } from '../../apps/messages/src/messages.module.js';
import { messagesRebuildTargets } from '../../apps/messages/src/messages.rebuild.js';
import { MESSAGES_WIRING } from '../../apps/messages/src/messages.wiring.js';
import { StatisticsModule } from '../../apps/statistics/src/statistics.module.js';
import { statisticsRebuildTargets } from '../../apps/statistics/src/statistics.rebuild.js';
import { STATISTICS_WIRING } from '../../apps/statistics/src/statistics.wiring.js';
import { rebuildTargets } from '../../infra/rebuild-targets.js';

type ModuleRef = Type | DynamicModule;

/** Every module an app's module imports, itself first, each once. */
function moduleTree(root: ModuleRef, seen = new Set<ModuleRef>()): ModuleRef[] {
  if (seen.has(root)) return [];
  seen.add(root);
  // No app imports a module lazily (a promise or a forward reference), so every import is a class or a dynamic module.
  const imports = 'module' in root ? ([...(root.imports ?? [])] as ModuleRef[]) : ((Reflect.getMetadata('imports', root) as ModuleRef[] | undefined) ?? []);
  return [root, ...imports.flatMap((m) => moduleTree(m, seen))];
}

function providersOf(module: ModuleRef): Provider[] {
  return 'module' in module
    ? [...(module.providers ?? []), ...((Reflect.getMetadata('providers', module.module) as Provider[] | undefined) ?? [])]
    : ((Reflect.getMetadata('providers', module) as Provider[] | undefined) ?? []);
}

/** By the house's names: a class that consumes the bus or a log, or runs on a schedule, is a …Consumer, …Runner, …Worker or …Scheduler. */
const isBackground = (provider: Provider): provider is Type => typeof provider === 'function' && /(Consumer|Runner|Worker|Scheduler)$/.test(provider.name);

const APPS: ReadonlyArray<[string, Type, AppWiring, RebuildTargets]> = [
  ['applicants', ApplicantsModule, APPLICANTS_WIRING, applicantsRebuildTargets],
  ['landlords', LandlordsModule, LANDLORDS_WIRING, landlordsRebuildTargets],
  ['listings', ListingsModule, LISTINGS_WIRING, listingsRebuildTargets],
  ['messages', MessagesModule, MESSAGES_WIRING, messagesRebuildTargets],
  ['statistics', StatisticsModule, STATISTICS_WIRING, statisticsRebuildTargets],
];

describe.each(APPS)('the %s app has one wiring', (app, appModule, wiring, targets) => {
  const tree = moduleTree(appModule);

  it('that its module starts as it is: no projection, migration or mapper listed beside it', () => {
    const started = tree.filter((m): m is DynamicModule => 'module' in m && m.module === EventSourcingModule);
    expect(started.length).toBeGreaterThan(0);
    for (const module of started) {
      const options = module.providers?.find((p) => typeof p === 'object' && 'provide' in p && p.provide === EVENT_SOURCING_OPTIONS);
      expect(options && 'useValue' in options && options.useValue).toBe(wiring);
    }
    expect(wiring.app).toBe(app);
  });

  it('whose rebuild registry replays every projection the app runs, but those it names as not rebuilt', () => {
    const running = [...(wiring.projections ?? []), ...(wiring.busProjections ?? []).map((b) => b.projection)].map((p) => p.name);
    const notRebuilt = Object.keys(wiring.notRebuilt ?? {});
    expect(notRebuilt.every((name) => running.includes(name))).toBe(true);
    expect(Object.keys(targets).sort()).toEqual(running.filter((name) => !notRebuilt.includes(name)).sort());
    expect(rebuildTargets[app as keyof typeof rebuildTargets]).toBe(targets);
  });

  it('that lists every consumer and job the app runs, provided by the app module itself', () => {
    // Once each, in the app module: a consumer or job a feature module also provides would run twice.
    const background = tree.flatMap(providersOf).filter(isBackground);
    expect(background.map((c) => c.name).sort()).toEqual(
      backgroundProviders(wiring)
        .map((c) => c.name)
        .sort(),
    );
    const own = providersOf(appModule);
    expect(backgroundProviders(wiring).every((c) => own.includes(c))).toBe(true);
  });
});
