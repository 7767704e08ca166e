import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import request from 'supertest';
import { ApplicantsModule } from '../../apps/applicants/src/applicants.module.js';
import { applicantsRebuildTargets } from '../../apps/applicants/src/applicants.rebuild.js';
import { StatisticsModule } from '../../apps/statistics/src/statistics.module.js';
import { statisticsRebuildTargets } from '../../apps/statistics/src/statistics.rebuild.js';
import { createTestApp } from '@bostadsko/platform';
import { rebuildProjection } from '@bostadsko/projections';
import { INFRASTRUCTURE, type Infrastructure, type RebuildTargets } from '@bostadsko/runtime';
import { freshDatabase } from '../support/fresh-database.js';
import { eventually } from '../support/eventually.js';

/** Apps read DATABASE_URL when they are created: each gets its own database, as in production. */
async function startApp(module: unknown, databaseUrl: string): Promise<NestFastifyApplication> {
  process.env.DATABASE_URL = databaseUrl;
  return createTestApp(module as never);
}

async function rows(pool: pg.Pool, table: string, order: string): Promise<unknown[]> {
  return (await pool.query(`SELECT * FROM ${table} ORDER BY ${order}`)).rows;
}

async function rebuild(app: NestFastifyApplication, targets: RebuildTargets, name: string): Promise<number> {
  const infra = app.get<Infrastructure>(INFRASTRUCTURE);
  const target = await targets[name](infra);
  return (await rebuildProjection(infra.pool, target.projection, target.source, { checkpoint: target.checkpoint })).events;
}

describe('walking skeleton: a seeker registers in applicants, statistics counts registered seekers', () => {
  let applicants: NestFastifyApplication;
  let statistics: NestFastifyApplication;
  let analystToken: string;

  beforeAll(async () => {
    process.env.JWT_SECRET = 'e2e-secret-that-is-long-enough-for-hs256-0123456789';
    process.env.SEED_ACCOUNTS = 'analyst:analyst@test.se:Analyst-pass-1';
    process.env.BUS_DATABASE_URL = await freshDatabase('bus');
    applicants = await startApp(ApplicantsModule, await freshDatabase('applicants'));
    statistics = await startApp(StatisticsModule, await freshDatabase('statistics'));
    const signIn = await request(statistics.getHttpServer()).post('/auth/token').send({ username: 'analyst@test.se', password: 'Analyst-pass-1' }).expect(200);
    analystToken = signIn.body.access_token;
  });

  afterAll(async () => {
    await applicants?.close();
    await statistics?.close();
  });

  // Two or three seekers are below the reports' suppression threshold, so the count is read from the statistics store itself.
  const count = async () => ({ total: (await rows(statistics.get<Infrastructure>(INFRASTRUCTURE).pool, 'statistics.seekers', 'applicant_id')).length });

  test('registrations travel over the bus into the statistics count; duplicates do not', async () => {
    const server = applicants.getHttpServer();
    const registered = await request(server)
      .post('/applicants')
      .send({ personnummer: '19811218-9876', name: 'Astrid Lindqvist', email: 'astrid@example.se', password: 'correct horse battery' })
      .expect(201);
    expect(registered.body).toEqual({ applicantId: expect.any(String), queueStartDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });

    // The same person twice at once, in two formats: exactly one account.
    const racing = await Promise.all(
      ['19900101-0017', '900101-0017'].map((personnummer) =>
        request(server).post('/applicants').send({ personnummer, name: 'Omar Haddad', email: 'omar@example.se', password: 'correct horse battery' }),
      ),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(racing.find((r) => r.status === 409)!.body).toMatchObject({ status: 409, title: 'Conflict' });

    await request(server).post('/applicants').send({ personnummer: '19811218-9876', name: 'Someone Else', email: 'x@example.se', password: 'correct horse battery' }).expect(409);

    const report = await eventually(count, (body) => body.total === 2);
    expect(report.total).toBe(2);
    const year = new Date().toISOString().slice(0, 4);
    const published = await request(statistics.getHttpServer()).get(`/statistics/reports/seekers?period=${year}&granularity=year`).set('authorization', `Bearer ${analystToken}`).expect(200);
    expect(published.body.points[0]).toMatchObject({ registered: null, suppressed: expect.arrayContaining(['registered']) });
  });

  test('bad input is refused with problem details and changes nothing', async () => {
    const server = applicants.getHttpServer();
    const before = (await count()).total;
    const wrongCheck = await request(server).post('/applicants').send({ personnummer: '19811218-9875', name: 'A', email: 'a@example.se', password: 'correct horse battery' }).expect(400);
    expect(wrongCheck.headers['content-type']).toContain('application/problem+json');
    expect(wrongCheck.body.errors).toEqual([{ field: 'personnummer', messages: ['personnummer has a wrong check digit'] }]);
    const unknownField = await request(server)
      .post('/applicants')
      .send({ personnummer: '19700101-0009', name: 'A', email: 'a@example.se', password: 'correct horse battery', queueStartDate: '1990-01-01' })
      .expect(400);
    expect(unknownField.body.errors).toEqual([{ field: 'queueStartDate', messages: expect.any(Array) }]);
    await request(server).post('/applicants').set('content-type', 'application/json').send('{"personnummer":').expect(400);
    await new Promise((r) => setTimeout(r, 500));
    expect((await count()).total).toBe(before);
  });

  test('statistics are for signed-in analysts: no token 401', async () => {
    const response = await request(statistics.getHttpServer()).get('/statistics/reports/seekers?period=2026').expect(401);
    expect(response.body).toMatchObject({ status: 401 });
  });

  test('every app answers /health for database, event store and bus', async () => {
    for (const app of [applicants, statistics]) {
      const health = await request(app.getHttpServer()).get('/health').expect(200);
      expect(health.body).toEqual({ status: 'ok', checks: { database: 'up', 'eventStore:postgres': 'up', 'bus:postgres': 'up' } });
    }
  });

  test('projections rebuilt from the log equal the live ones', async () => {
    const applicantsPool = applicants.get<Infrastructure>(INFRASTRUCTURE).pool;
    const statisticsPool = statistics.get<Infrastructure>(INFRASTRUCTURE).pool;
    const liveRegistry = await rows(applicantsPool, 'applicants.queue_time', 'applicant_id');
    const liveSeekers = await rows(statisticsPool, 'statistics.seekers', 'applicant_id');
    expect(liveRegistry).toHaveLength(2);
    expect(liveSeekers).toHaveLength(2);

    expect(await rebuild(applicants, applicantsRebuildTargets, 'queue-time')).toBeGreaterThanOrEqual(2);
    expect(await rebuild(statistics, statisticsRebuildTargets, 'seekers')).toBe(2);

    expect(await rows(applicantsPool, 'applicants.queue_time', 'applicant_id')).toEqual(liveRegistry);
    expect(await rows(statisticsPool, 'statistics.seekers', 'applicant_id')).toEqual(liveSeekers);

    // The live runners keep working on the swapped-in tables.
    await request(applicants.getHttpServer()).post('/applicants').send({ personnummer: '20000229-0005', name: 'Elin Berg', email: 'elin@example.se', password: 'correct horse battery' }).expect(201);
    expect((await eventually(count, (body) => body.total === 3)).total).toBe(3);
    const registry = await eventually(
      () => rows(applicantsPool, 'applicants.queue_time', 'applicant_id'),
      (r) => r.length === 3,
    );
    expect(registry).toHaveLength(3);
  });
});
