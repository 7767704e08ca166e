import { rebuildProjection } from '@bostadsko/projections';
import { createInfrastructure } from '@bostadsko/runtime';
import { runningOrOwnServer } from './database-server.js';
import { appMigrations, rebuildTargets } from './rebuild-targets.js';
import { APPS, BUS_DATABASE, databaseUrl, kafkaBrokers, type AppName } from './single-node.js';

async function main(): Promise<void> {
  const [app, name] = process.argv.slice(2) as [AppName | undefined, string | undefined];
  const usage = `usage: npm run rebuild -- <app> <projection>\n${APPS.map((a) => `  ${a.name}: ${Object.keys(rebuildTargets[a.name]).join(', ') || '(none yet)'}`).join('\n')}`;
  if (!app || !name || !(app in rebuildTargets) || !(name in rebuildTargets[app])) {
    console.error(usage);
    process.exit(2);
  }
  const server = await runningOrOwnServer((line) => console.log(`[rebuild] ${line}`));
  const infra = await createInfrastructure({
    app: `${app}-rebuild`,
    logOwner: app,
    databaseUrl: databaseUrl(server.url, app),
    busDatabaseUrl: process.env.BUS_DATABASE_URL ?? databaseUrl(server.url, BUS_DATABASE),
    eventStoreUrl: process.env.EVENTSTORE_URL,
    // Bus-fed read models replay the bus the apps use: Kafka's topics when KAFKA_BROKERS is set, else the bus log.
    kafkaBrokers: kafkaBrokers(process.env.KAFKA_BROKERS),
    migrations: appMigrations[app],
  });
  try {
    const target = await rebuildTargets[app][name](infra);
    console.log(
      `[rebuild] ${app}/${name} from ${target.checkpoint ? 'the event log' : infra.mode.bus === 'kafka' ? 'Kafka, each topic from its earliest offset' : 'the bus log'} into a fresh table, then swapping it in`,
    );
    const result = await rebuildProjection(infra.pool, target.projection, target.source, {
      checkpoint: target.checkpoint,
      onProgress: (p) =>
        console.log(`[rebuild] ${p.done.toLocaleString('en')} of ${p.total.toLocaleString('en')} events (${(p.share * 100).toFixed(1)} %), ${Math.round(p.perSecond).toLocaleString('en')} events/s`),
    });
    const skipped = target.replay?.summary();
    if (skipped) console.log(`[rebuild] ${skipped}\n${target.replay!.skipped.map((s) => `[rebuild]   ${s.id}: ${s.reason}`).join('\n')}`);
    console.log(`[rebuild] done: ${result.events} events in ${result.seconds.toFixed(2)} s; ${target.projection.table} swapped in`);
  } finally {
    await infra.close();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(`[rebuild] failed: ${(error as Error).message}`);
  process.exit(1);
});
