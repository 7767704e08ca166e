import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import type pg from 'pg';
import { statisticsRebuildTargets } from '../../apps/statistics/src/statistics.rebuild.js';
import { landlordsRebuildTargets } from '../../apps/landlords/src/landlords.rebuild.js';
import { startEmbeddedDb, type EmbeddedDb } from '../../infra/embedded-db.js';
import { freePort } from '../../infra/free-port.js';
import { PG_POOL, TokenService } from '@bostadsko/platform';
import { rebuildProjection } from '@bostadsko/projections';
import { INFRASTRUCTURE, type Infrastructure, type RebuildTargets } from '@bostadsko/runtime';
import { personnummer } from '../browser/personnummer.js';
import { startAllApps, type RunningApp } from '../support/all-apps.js';
import { eventually } from '../support/eventually.js';
import { ELIGIBLE_DECLARATION, listingBody, seedActiveSeekers } from '../support/listings-burst.js';

/** Seekers who each apply once, and people who register during the burst: the commands whose fate is checked. */
const APPLYING = 120;
/** One registration for every this many applications. */
const REGISTER_EVERY = 8;
const IN_FLIGHT = 8;
/** Acknowledged commands before PostgreSQL is stopped, so the outage cuts the burst in the middle. */
const STOP_AFTER = 30;
const OUTAGE_MS = 12_000;
/** Between a worker's requests while the database is down, so the outage's request count stays bounded. */
const RETRY_PAUSE_MS = 150;
/** A command not settled after this many attempts fails the test (the outage alone needs about OUTAGE_MS / RETRY_PAUSE_MS). */
const MAX_ATTEMPTS = 300;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
  readonly sentAt: number;
  readonly answeredAt: number;
}

interface Outage {
  readonly from: number;
  readonly until: number;
  readonly health: Array<{ name: string; status?: number; database?: string }>;
}

interface Command {
  readonly app: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
  /** An answer that ends the command: acknowledged, or refused for a reason a retry cannot change. */
  settles(answer: Answer): boolean;
  answers: Answer[];
}

/**
 * PostgreSQL stopped for OUTAGE_MS and started again in the middle of a burst of
 * applications, registrations and reads: all five apps in one process on one
 * embedded PostgreSQL of the test's own (their databases and the bus's), each
 * listening on 127.0.0.1. A client retries what failed with the same
 * Idempotency-Key. During the outage every answer is 503 problem details with
 * Retry-After and /health names the database; afterwards every app is healthy by
 * itself, every acknowledged command is in its log exactly once, and the bus-fed
 * read models equal a rebuild from the bus log.
 */
describe('PostgreSQL stopped and started mid-burst', () => {
  const dataDir = `./data/faults-pg-${process.pid}`;
  let db: EmbeddedDb;
  let system: Awaited<ReturnType<typeof startAllApps>>;
  const urls = new Map<string, string>();
  const appNamed = (name: string): RunningApp => system.apps.find((a) => a.name === name)!;
  const poolOf = (name: string) => appNamed(name).app.get<pg.Pool>(PG_POOL);

  beforeAll(async () => {
    // Each 503 of the outage is logged with its cause: hundreds of expected lines.
    process.env.LOG_LEVEL = 'fatal';
    rmSync(dataDir, { recursive: true, force: true });
    db = await startEmbeddedDb({ dataDir, port: await freePort(), database: 'postgres' });
    system = await startAllApps({ server: db.url });
    for (const { name, app } of system.apps) urls.set(name, await listen(app));
  }, 180_000);

  afterAll(async () => {
    await system?.close();
    await db?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function send(command: Pick<Command, 'app' | 'method' | 'path' | 'headers' | 'body'>): Promise<Answer | undefined> {
    const sentAt = Date.now();
    try {
      const response = await fetch(`${urls.get(command.app)}${command.path}`, {
        method: command.method,
        headers: { ...command.headers, ...(command.body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: command.body === undefined ? undefined : JSON.stringify(command.body),
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, sentAt, answeredAt: Date.now() };
    } catch {
      return undefined;
    }
  }

  test('answers 503 with Retry-After throughout, recovers by itself, and loses or doubles nothing', async () => {
    const tokens = appNamed('applicants').app.get(TokenService);
    const { landlordId } = JSON.parse(Buffer.from(system.everyRoleToken.split('.')[1]!, 'base64url').toString()) as { landlordId: string };
    const landlord = { authorization: `Bearer ${system.everyRoleToken}` };
    const listingId = await publishListing(landlord);
    const seekers = Array.from({ length: APPLYING }, () => randomUUID());
    await seedActiveSeekers(poolOf('listings'), seekers);

    const commands: Command[] = [];
    for (const [i, seeker] of seekers.entries()) {
      const authorization = `Bearer ${(await tokens.issue({ id: seeker, roles: ['applicant'] })).access_token}`;
      commands.push(command('listings', 'POST', '/applications', { authorization, 'idempotency-key': randomUUID() }, { listingId, ...ELIGIBLE_DECLARATION }, [201], 'already-applied'));
      if (i % REGISTER_EVERY === 0) {
        const body = { personnummer: personnummer(), name: 'Test Testsson', email: `seeker-${i}@example.se`, password: 'a long enough password' };
        commands.push(command('applicants', 'POST', '/applicants', {}, body, [201], 'already-registered'));
      }
      if (i % 3 === 0) commands.push(...reads(listingId, landlordId, landlord));
    }

    // The burst: IN_FLIGHT workers take commands in turn; a command that is not settled goes back in the queue.
    const queue = [...commands];
    let acknowledged = 0;
    let outage: Promise<Outage> | undefined;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const answer = await send(next);
          if (answer) next.answers.push(answer);
          if (answer && next.settles(answer)) {
            if (answer.status < 300 && next.method === 'POST' && ++acknowledged === STOP_AFTER) outage = stopAndStart();
            continue;
          }
          if (next.answers.length >= MAX_ATTEMPTS) throw new Error(`${next.method} ${next.path} not settled after ${MAX_ATTEMPTS} attempts: ${JSON.stringify(next.answers.at(-1)?.body)}`);
          queue.push(next);
          await pause(RETRY_PAUSE_MS);
        }
      }),
    );
    expect(outage).toBeDefined();
    const { from, until, health } = await outage!;
    // While it was down, every app's /health said so and named the database.
    expect(health).toEqual(system.apps.map(({ name }) => ({ name, status: 503, database: 'down' })));

    // No 500 at any time: an answer is the command's own, or 503 problem details the client may retry.
    const all = commands.flatMap((c) => c.answers.map((answer) => ({ command: `${c.method} ${c.path}`, answer })));
    const failures = all.filter(({ answer }) => answer.status >= 500);
    expect(failures.filter(({ answer }) => answer.status !== 503).map(({ command, answer }) => ({ command, status: answer.status, body: answer.body }))).toEqual([]);
    for (const { answer } of failures) {
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(answer.body).toMatchObject({ status: 503, title: 'Service Unavailable' });
    }
    // Everything asked and answered while the database was down is 503, and there was plenty of it.
    const duringOutage = all.filter(({ answer }) => answer.sentAt >= from && answer.answeredAt <= until);
    expect(duringOutage.length).toBeGreaterThan(IN_FLIGHT * 10);
    expect(duringOutage.filter(({ answer }) => answer.status !== 503).map(({ command, answer }) => ({ command, status: answer.status }))).toEqual([]);
    expect(commands.filter((c) => c.answers.length > 1).length).toBeGreaterThan(STOP_AFTER);

    // Every app healthy again by itself, without a restart.
    for (const { name } of system.apps) {
      const health = await eventually(
        () => send({ app: name, method: 'GET', path: '/health', headers: {} }),
        (answer) => answer?.status === 200,
      );
      expect({ name, health: health?.body }).toEqual({ name, health: expect.objectContaining({ status: 'ok' }) });
    }

    // Nothing acknowledged lost, nothing doubled: one application per seeker, one account per person.
    const applied = await poolOf('listings').query<{ application_id: string; stream_id: string }>(
      `SELECT data->>'applicationId' AS application_id, stream_id FROM es.events WHERE type = 'application-submitted' AND data->>'listingId' = $1`,
      [listingId],
    );
    const acknowledgedApplications = acknowledgedBodies(commands, '/applications').map((b) => b.applicationId as string);
    expect(acknowledgedApplications.filter((id) => !applied.rows.some((r) => r.application_id === id))).toEqual([]);
    expect(new Set(applied.rows.map((r) => r.application_id)).size).toBe(APPLYING);
    expect(new Set(applied.rows.map((r) => r.stream_id)).size).toBe(APPLYING);
    expect(applied.rows).toHaveLength(APPLYING);
    const registered = await poolOf('applicants').query<{ stream_id: string }>(`SELECT stream_id FROM es.events WHERE type = 'applicant-registered'`);
    const registrations = commands.filter((c) => c.path === '/applicants');
    expect(registered.rows).toHaveLength(registrations.length);
    expect(new Set(registered.rows.map((r) => r.stream_id)).size).toBe(registrations.length);
    for (const { applicantId } of acknowledgedBodies(commands, '/applicants')) expect(registered.rows.filter((r) => r.stream_id.endsWith(applicantId as string))).toHaveLength(1);

    // The relay and the bus, exactly once in effect: the statistics app has every application and
    // registration once, and its read models and the landlords app's equal a rebuild from the bus log.
    const statistics = poolOf('statistics');
    await eventually(
      async () => Number((await statistics.query<{ n: string }>('SELECT count(*) AS n FROM statistics.applications WHERE listing_id = $1', [listingId])).rows[0]!.n),
      (n) => n === APPLYING,
    );
    await eventually(
      async () => Number((await statistics.query<{ n: string }>('SELECT count(*) AS n FROM statistics.seekers')).rows[0]!.n),
      (n) => n === registrations.length,
    );
    await expectRebuildsEqualLive(appNamed('statistics').app, statisticsRebuildTargets);
    await expectRebuildsEqualLive(appNamed('landlords').app, landlordsRebuildTargets);
  }, 300_000);

  /** A command that settles on one of `ok`, or on 409 with `refused` (already done by an earlier attempt whose answer was lost). */
  function command(app: string, method: 'POST', path: string, headers: Record<string, string>, body: unknown, ok: number[], refused: string): Command {
    return { app, method, path, headers, body, answers: [], settles: (a) => ok.includes(a.status) || (a.status === 409 && a.body.code === refused) };
  }

  /** A read on each app that touches its database. */
  function reads(listingId: string, landlordId: string, landlord: Record<string, string>): Command[] {
    const read = (app: string, path: string, headers: Record<string, string> = {}): Command => ({ app, method: 'GET', path, headers, answers: [], settles: (a) => a.status === 200 });
    return [
      read('listings', `/listings/${listingId}`),
      read('listings', '/listings?municipality=G%C3%B6teborg'),
      read('applicants', '/applicants/policy'),
      read('landlords', `/landlords/${landlordId}`, landlord),
      read('statistics', '/statistics/policy'),
      read('messages', '/messages/policy'),
    ];
  }

  /** Stops PostgreSQL (a fast shutdown), asks every app's /health meanwhile, and starts it again after OUTAGE_MS. */
  async function stopAndStart(): Promise<Outage> {
    await db.stop();
    const from = Date.now();
    const health: Outage['health'] = [];
    let until = from;
    try {
      for (const { name } of system.apps) {
        const answer = await send({ app: name, method: 'GET', path: '/health', headers: {} });
        health.push({ name, status: answer?.status, database: (answer?.body.checks as Record<string, string> | undefined)?.database });
      }
      await pause(OUTAGE_MS - (Date.now() - from));
    } finally {
      // Started again whatever happened, so the burst can settle and the test report what it saw.
      until = Date.now();
      await db.start();
    }
    return { from, until, health };
  }

  async function publishListing(landlord: Record<string, string>): Promise<string> {
    const listing = listingBody();
    // The listings app learns of the landlord's agreement over the bus.
    const published = await eventually(
      () => send({ app: 'listings', method: 'POST', path: '/listings', headers: landlord, body: listing }),
      (answer) => answer?.status === 201,
    );
    expect(published?.status).toBe(201);
    return published!.body.listingId as string;
  }
});

async function listen(app: NestFastifyApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  return (await app.getUrl()).replace('[::1]', '127.0.0.1');
}

function acknowledgedBodies(commands: Command[], path: string): Array<Record<string, unknown>> {
  return commands.filter((c) => c.path === path).flatMap((c) => c.answers.filter((a) => a.status === 201).map((a) => a.body));
}

/** Each bus-fed read model of the app, rebuilt from the bus log and swapped in: the rows must not change. */
async function expectRebuildsEqualLive(app: NestFastifyApplication, targets: RebuildTargets): Promise<void> {
  const infra = app.get<Infrastructure>(INFRASTRUCTURE);
  for (const [name, target] of Object.entries(targets)) {
    const { projection, source, replay } = await target(infra);
    if (!replay) continue;
    const rows = async () => (await infra.pool.query<{ row: string }>(`SELECT t::text AS row FROM ${projection.table} t ORDER BY 1`)).rows.map((r) => r.row);
    const live = await rows();
    await rebuildProjection(infra.pool, projection, source);
    expect({ name, rows: await rows() }).toEqual({ name, rows: live });
  }
}
