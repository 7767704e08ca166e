import { performance } from 'node:perf_hooks';
import { allMessages, sourceAppOf } from '@bostadsko/bus';
import { CONTRACTS } from '@bostadsko/contracts/registry';
import type { GlobalPosition } from '@bostadsko/event-store';
import { createInfrastructure } from '@bostadsko/runtime';
import { runningOrOwnServer } from './database-server.js';
import { appWirings } from './rebuild-targets.js';
import { APPS, BUS_DATABASE, databaseUrl, kafkaBrokers, type AppName } from './single-node.js';

const PAGE = 500;

/** What an app's relay can publish: the contracts named for the app (`landlords.…`), when it has a relay at all. */
const publishable = (app: AppName): string[] => (appWirings[app].integration ? [...CONTRACTS.keys()].filter((type) => sourceAppOf(type) === app).sort() : []);

const usage = (apps: readonly AppName[]) =>
  `usage: npm run republish -- <app> <message-type> [<message-type> …]\n${apps.map((app) => `  ${app}: ${publishable(app).join(', ') || '(publishes nothing)'}`).join('\n')}`;

/**
 * `npm run republish -- <app> <type> …`: the app's log from the start through its own relay
 * mapping, publishing only the named contracts, so a contract added to a mapper reaches
 * what the relay passed before it knew it (decision 0020). No relay checkpoint and no
 * progress marker: the relay and consumers' X-Read-After watermark stay where they are,
 * and message ids derive from event ids, so a second run is a duplicate every consumer skips.
 */
async function main(): Promise<number> {
  const [app, ...types] = process.argv.slice(2);
  const known = APPS.map((a) => a.name);
  if (!known.includes(app as AppName)) {
    console.error(usage(known));
    return 2;
  }
  const name = app as AppName;
  const unknown = types.filter((type) => !publishable(name).includes(type));
  if (types.length === 0 || unknown.length > 0) {
    if (unknown.length > 0) console.error(`[republish] ${name} publishes no ${unknown.join(', ')}`);
    console.error(usage([name]));
    return 2;
  }

  const server = await runningOrOwnServer((line) => console.log(`[republish] ${line}`));
  // As the app itself finds its database and bus: DATABASE_URL and BUS_DATABASE_URL as it reads them, else the single node's.
  const infra = await createInfrastructure({
    app: `${name}-republish`,
    logOwner: name,
    databaseUrl: process.env.DATABASE_URL ?? databaseUrl(server.url, name),
    busDatabaseUrl: process.env.BUS_DATABASE_URL ?? (process.env.DATABASE_URL ? undefined : databaseUrl(server.url, BUS_DATABASE)),
    eventStoreUrl: process.env.EVENTSTORE_URL,
    kafkaBrokers: kafkaBrokers(process.env.KAFKA_BROKERS),
    migrations: appWirings[name].migrations,
  });
  try {
    const map = appWirings[name].integration!(infra);
    const wanted = new Set(types);
    const total = await infra.store.countEvents();
    console.log(`[republish] ${name}: ${types.join(', ')} from ${total.toLocaleString('en')} events onto ${infra.mode.bus === 'kafka' ? 'Kafka' : 'the PostgreSQL bus'}`);
    const started = performance.now();
    let lastReport = started;
    let read = 0;
    let published = 0;
    const perType = new Map(types.map((type) => [type, 0]));
    const rate = (n: number) => Math.round(n / Math.max((performance.now() - started) / 1000, 0.001)).toLocaleString('en');
    let after: GlobalPosition | undefined;
    for (;;) {
      const events = await infra.store.readAll({ after, limit: PAGE });
      if (events.length === 0) break;
      const messages = (await allMessages(events.map(map))).filter((m) => wanted.has(m.type));
      // Without relay progress: a marker here would tell consumers they had applied the log up to an old position.
      if (messages.length > 0) await infra.bus.publish(messages);
      read += events.length;
      published += messages.length;
      for (const m of messages) perType.set(m.type, perType.get(m.type)! + 1);
      after = events[events.length - 1].position;
      if (performance.now() - lastReport >= 1000) {
        lastReport = performance.now();
        console.log(
          `[republish] ${read.toLocaleString('en')} of ${total.toLocaleString('en')} events read (${rate(read)}/s), ${published.toLocaleString('en')} messages published (${rate(published)}/s)`,
        );
      }
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `[republish] done: ${read.toLocaleString('en')} events read, ${published.toLocaleString('en')} messages published in ${seconds.toFixed(2)} s (${rate(read)} events/s, ${rate(published)} messages/s); consumers skip any they already had by id`,
    );
    for (const [type, count] of perType) console.log(`[republish]   ${type}: ${count.toLocaleString('en')}`);
    return 0;
  } finally {
    await infra.close();
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[republish] failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
