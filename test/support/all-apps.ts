import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import request from 'supertest';
import { ApplicantsModule } from '../../apps/applicants/src/applicants.module.js';
import { LandlordsModule } from '../../apps/landlords/src/landlords.module.js';
import { ListingsModule } from '../../apps/listings/src/listings.module.js';
import { MessagesModule } from '../../apps/messages/src/messages.module.js';
import { StatisticsModule } from '../../apps/statistics/src/statistics.module.js';
import { stockholmDate } from '@bostadsko/calendar';
import { ROLES, createTestApp, PG_POOL, TokenService } from '@bostadsko/platform';
import { eventually } from './eventually.js';
import { freshDatabase } from './fresh-database.js';
import { organisationNumber } from './swedish-numbers.js';

export interface RunningApp {
  readonly name: string;
  readonly app: NestFastifyApplication;
  /** The app's OpenAPI document, as served at /docs-json. */
  readonly document: OpenApiDocument;
  /** Events in the app's log: what a refused request must leave unchanged. */
  eventCount(): Promise<number>;
}

export type OpenApiDocument = { paths: Record<string, Record<string, unknown>>; components?: { schemas?: Record<string, unknown> }; security?: unknown[] };

const MODULES = { applicants: ApplicantsModule, listings: ListingsModule, landlords: LandlordsModule, statistics: StatisticsModule, messages: MessagesModule };

/**
 * Every API app on its own fresh database and one bus, as in production, with
 * the jobs off so nothing writes but the requests. A new app is added here once
 * and every test that walks the apps' documents covers it.
 */
export async function startAllApps(options: { server?: string } = {}): Promise<{ apps: RunningApp[]; everyRoleToken: string; close(): Promise<void> }> {
  await shareOneBus('all-apps-secret-long-enough-for-hs256-0123456789', options.server);
  // Nothing is mailed: no request here may write the events a message comes from.
  process.env.SMTP_URL = 'smtp://127.0.0.1:9';
  const apps: RunningApp[] = [];
  const close = async () => {
    for (const { app } of apps.reverse()) await app.close();
    delete process.env.BUS_DATABASE_URL;
    delete process.env.SMTP_URL;
  };
  try {
    return { apps, everyRoleToken: await startEach(apps, options.server), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * What every test of several apps sets before creating them: the token secret, one
 * bus for all (on `server` when given), and the jobs off so nothing writes but the
 * requests. The apps read these when they are created.
 */
export async function shareOneBus(jwtSecret: string, server?: string): Promise<void> {
  process.env.JWT_SECRET = jwtSecret;
  process.env.BUS_DATABASE_URL = await freshDatabase('bus', server);
  process.env.LISTINGS_JOB_INTERVAL_MS = '0';
  process.env.LETTING_JOB_INTERVAL_MINUTES = '0';
  process.env.FEE_JOB_INTERVAL_MINUTES = '0';
}

/** An app as production wires it, on a fresh database of its own (apps read DATABASE_URL when created). */
export async function startApp(module: unknown, database: string, server?: string): Promise<NestFastifyApplication> {
  process.env.DATABASE_URL = await freshDatabase(database, server);
  return createTestApp(module as never);
}

async function startEach(apps: RunningApp[], server: string | undefined): Promise<string> {
  for (const [name, module] of Object.entries(MODULES)) {
    const app = await startApp(module, name, server);
    const document = (await request(app.getHttpServer()).get('/docs-json').expect(200)).body as OpenApiDocument;
    const pool = app.get<pg.Pool>(PG_POOL);
    const eventCount = async () => Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM es.events')).rows[0]!.n);
    apps.push({ name, app, document, eventCount });
  }
  // Every role at once, as an active landlord user (the landlords app checks one on every request): role
  // checks pass everywhere, so what a test sees is the fate of its input.
  const tokens = apps[0]!.app.get(TokenService);
  const landlordUser = await activeLandlordUser(apps.find((a) => a.name === 'landlords')!.app, (await tokens.issue({ id: randomUUID(), roles: ['staff'] })).access_token);
  // The messages app notes the new user's address from the landlords' event, in the background: waited for
  // here, so that what a test counts afterwards is only what its own requests wrote.
  const messages = apps.find((a) => a.name === 'messages')!;
  await eventually(messages.eventCount, (n) => n > 0);
  return (await tokens.issue({ ...landlordUser, roles: ROLES })).access_token;
}

/** A landlord with its first administrator, who signs in: the id and landlord of a user the landlords app knows. */
async function activeLandlordUser(landlords: NestFastifyApplication, staffToken: string): Promise<{ id: string; landlordId: string }> {
  const http = () => request(landlords.getHttpServer());
  const registered = await http()
    .post('/landlords')
    .send({
      name: 'Probe AB',
      organisationNumber: organisationNumber(),
      contact: { name: 'Karin Holm', email: 'karin@example.se' },
    })
    .expect(201);
  const landlordId = registered.body.landlordId as string;
  // A landlord without an agreement may not have users yet.
  await http()
    .post(`/landlords/${landlordId}/agreements`)
    .set('authorization', `Bearer ${staffToken}`)
    .send({ effectiveFrom: stockholmDate(new Date()), terms: 'Standard terms' })
    .expect(201);
  const credentials = { email: `admin-${landlordId}@example.se`, password: 'a long enough password' };
  await http()
    .post(`/landlords/${landlordId}/users/first-administrator`)
    .set('authorization', `Bearer ${staffToken}`)
    .send({ name: 'Karin Holm', ...credentials })
    .expect(201);
  const token = (await http().post('/landlords/sign-in').send(credentials).expect(200)).body.access_token as string;
  const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sub: string };
  return { id: claims.sub, landlordId };
}
