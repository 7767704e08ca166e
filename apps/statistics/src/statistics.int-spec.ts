import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import type { IntegrationMessage } from '@bostadsko/bus';
import {
  AccountClosedV1,
  ApplicantDeregisteredV1,
  ApplicantRegisteredV1,
  ApplicationSubmittedV1,
  LandlordRegisteredV1,
  LettingCancelledV1,
  ListingLetV1,
  ListingPublishedV1,
} from '@bostadsko/contracts';
import { createTestApp } from '@bostadsko/platform';
import { busLogSource, rebuildProjection } from '@bostadsko/projections';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { eventually } from '../../../test/support/eventually.js';
import { freshDatabase } from '../../../test/support/fresh-database.js';
import { stockholmDate } from '@bostadsko/calendar';
import { StatisticsModule } from './statistics.module.js';
import { statisticsRebuildTargets } from './statistics.rebuild.js';
import { entityDrift, expectRebuildToEqualLive } from '@bostadsko/testing';
import { STATISTICS_ENTITIES } from './statistics.entities.js';
import { STATISTICS_STORE } from './store/statistics-store.js';

const message = (type: string, key: string, payload: object): IntegrationMessage => ({
  id: randomUUID(),
  type,
  key,
  payload,
  correlationId: randomUUID(),
  causationId: null,
  occurredAt: new Date().toISOString(),
});

const LANDLORD = randomUUID();
const flat = (district: string, over: object = {}) => ({
  listingId: randomUUID(),
  landlordId: LANDLORD,
  municipality: 'Göteborg',
  district,
  rooms: 2,
  areaM2: 50,
  monthlyRent: 8000,
  listingType: 'regular',
  ...over,
});

/** A published listing and its letting on 2025-03-15. */
function letting(district: string, queueDays: number | null, over: { areaM2?: number; monthlyRent?: number; applications?: number; publishedOn?: string } = {}) {
  const facts = flat(district, { ...(over.areaM2 && { areaM2: over.areaM2 }), ...(over.monthlyRent && { monthlyRent: over.monthlyRent }) });
  const publishedOn = over.publishedOn ?? '2025-03-01';
  const tenant = randomUUID();
  return {
    tenant,
    facts,
    messages: [
      message(ListingPublishedV1.type, facts.listingId, { ...facts, publishedOn, applicationDeadline: '2025-03-10', moveInDate: '2025-04-01' }),
      message(ListingLetV1.type, facts.listingId, {
        ...facts,
        tenantApplicantId: tenant,
        contractDate: '2025-03-15',
        usesQueueTime: true,
        publishedOn,
        tenantQueueDays: queueDays,
        applications: over.applications ?? 100,
      }),
    ],
  };
}

describe('statistics app: reports driven by integration events on real PostgreSQL', () => {
  let app: NestFastifyApplication;
  let infra: Infrastructure;
  let analyst: string;
  let admin: string;
  const http = () => request(app.getHttpServer());
  const get = (path: string, token = analyst) => http().get(path).set('authorization', `Bearer ${token}`);
  const published: IntegrationMessage[] = [];
  const publish = async (messages: IntegrationMessage[]) => {
    published.push(...messages);
    await infra.bus.publish(messages);
  };
  const cancelled = letting('Majorna', 99_999);

  beforeAll(async () => {
    process.env.JWT_SECRET = 'statistics-int-secret-long-enough-for-hs256-0123456789';
    process.env.SEED_ACCOUNTS = 'analyst:analyst@test.se:Analyst-pass-1,admin:admin@test.se:Admin-pass-1';
    process.env.DATABASE_URL = await freshDatabase('statistics');
    delete process.env.BUS_DATABASE_URL;
    app = await createTestApp(StatisticsModule);
    infra = app.get(INFRASTRUCTURE);
    analyst = (await http().post('/auth/token').send({ username: 'analyst@test.se', password: 'Analyst-pass-1' }).expect(200)).body.access_token;
    admin = (await http().post('/auth/token').send({ username: 'admin@test.se', password: 'Admin-pass-1' }).expect(200)).body.access_token;

    await publish([message(LandlordRegisteredV1.type, LANDLORD, { landlordId: LANDLORD, name: 'Bostadsbolaget AB', organisationNumber: '556000-0001' })]);
    // Majorna: five lettings with the unit test's hand-computed figures; Haga: four; Kortedala: listed, never let.
    const majorna = [
      letting('Majorna', 100, { monthlyRent: 5000, areaM2: 50, applications: 10, publishedOn: '2025-03-05' }),
      letting('Majorna', 200, { monthlyRent: 6000, areaM2: 60, applications: 20, publishedOn: '2025-03-01' }),
      letting('Majorna', 300, { monthlyRent: 7000, areaM2: 70, applications: 30, publishedOn: '2025-02-13' }),
      letting('Majorna', 400, { monthlyRent: 8000, areaM2: 40, applications: 40, publishedOn: '2025-03-15' }),
      letting('Majorna', 500, { monthlyRent: 9000, areaM2: 90, applications: 50, publishedOn: '2025-03-10' }),
    ];
    const haga = [1, 2, 3, 4].map((k) => letting('Haga', k * 1000));
    const kortedala = flat('Kortedala');
    await publish([
      ...[...majorna, ...haga, cancelled].flatMap((l) => l.messages),
      message(ListingPublishedV1.type, kortedala.listingId, { ...kortedala, publishedOn: '2025-05-01', applicationDeadline: '2025-05-20', moveInDate: '2025-07-01' }),
      message(LettingCancelledV1.type, cancelled.facts.listingId, { listingId: cancelled.facts.listingId, tenantApplicantId: cancelled.tenant, on: '2025-03-20' }),
    ]);

    // Seekers: 8 registered in January, 6 in February; 5 deregistered and 1 closed in June; 6 applied in May.
    const seekers = Array.from({ length: 14 }, () => randomUUID());
    await publish(
      seekers.map((id, i) => message(ApplicantRegisteredV1.type, id, { applicantId: id, registeredOn: i < 8 ? '2025-01-10' : '2025-02-10', queueStartDate: '2025-01-10', birthYear: 1990 })),
    );
    await publish([
      ...seekers.slice(0, 5).map((id) => message(ApplicantDeregisteredV1.type, id, { applicantId: id, on: '2025-06-05', reason: 'annual-fee-unpaid' })),
      message(AccountClosedV1.type, seekers[5], { applicantId: seekers[5], on: '2025-06-07' }),
      ...seekers.slice(6, 12).map((id) => message(ApplicationSubmittedV1.type, id, { applicationId: randomUUID(), listingId: kortedala.listingId, applicantId: id, submittedOn: '2025-05-12' })),
    ]);
    // Departures and applications come through separate consumers: the seekers report needs both.
    await eventually(
      () => get('/statistics/reports/seekers?period=2025-06'),
      (r) => r.body.points?.[0]?.deregistrations === 5 && r.body.points?.[0]?.active === 6,
    );
    await eventually(
      () => get('/statistics/reports/lettings?period=2025'),
      (r) => r.body.total?.flatsLet === 9,
    );
  });

  afterAll(() => app?.close());

  test('lettings: hand-computed figures for 5 lettings, 4 suppressed, a cancelled letting nowhere', async () => {
    const { body } = await get('/statistics/reports/lettings?period=2025&district=Majorna').expect(200);
    expect(body).toMatchObject({ report: 'lettings', period: { from: '2025-01-01', to: '2025-12-31', label: '2025' }, suppression: { threshold: 5 } });
    expect(body.total).toEqual({
      suppressed: false,
      flatsLet: 5,
      queueDays: { n: 5, mean: 300, median: 300, bandLow: 198, bandHigh: 402, min: 100, max: 500 },
      queueDaysSuppressed: false,
      applicationsPerListing: { mean: 30, median: 30, max: 50 },
      rent: { mean: 7000, median: 7000 },
      rentPerM2: { mean: 120, median: 100 },
      daysToLet: { mean: 11.8, median: 10 },
    });
    const haga = (await get('/statistics/reports/lettings?period=2025&district=Haga').expect(200)).body;
    expect(haga.total).toMatchObject({ suppressed: true, flatsLet: null, queueDays: null });
    // by district beside the total of 9: Majorna is withheld too, or it would give Haga's 4 away
    const byDistrict = (await get('/statistics/reports/lettings?period=2025&by=district').expect(200)).body;
    expect(byDistrict.rows.map((r: { group: object; suppressed: boolean }) => [r.group, r.suppressed])).toEqual([
      [{ municipality: 'Göteborg', district: 'Haga' }, true],
      [{ municipality: 'Göteborg', district: 'Majorna' }, true],
    ]);
    expect(byDistrict.total.flatsLet).toBe(9);
    expect(byDistrict.total.queueDays.max).toBe(4000);
    expect(JSON.stringify(byDistrict)).not.toContain(cancelled.tenant);
  });

  test('the cold report computed by PostgreSQL from the raw rows equals the one from the store', async () => {
    for (const path of [
      'lettings?period=2025&by=district,rooms',
      'lettings?period=2025&district=Majorna',
      'lettings?period=2025&by=landlord',
      'lettings/series?period=2025&granularity=quarter',
      'queue-time-needed?period=2025-Q1',
    ]) {
      const store = (await get(`/statistics/reports/${path}`).expect(200)).body;
      const raw = (await get(`/statistics/reports/${path}&source=raw`).expect(200)).body;
      expect({ ...raw, source: 'store' }).toEqual(store);
    }
    const byLandlord = (await get('/statistics/reports/lettings?period=2025&by=landlord').expect(200)).body;
    expect(byLandlord.rows[0].group).toEqual({ landlordId: LANDLORD, landlord: 'Bostadsbolaget AB' });
  });

  test('queue time needed: JSON, CSV with the suppression mark, accessible SVG and PNG', async () => {
    const { body } = await get('/statistics/reports/queue-time-needed?period=2025').expect(200);
    expect(body.cells).toEqual([
      { municipality: 'Göteborg', district: 'Haga', rooms: 2, suppressed: true, tenants: null, medianQueueDays: null, bandLow: null, bandHigh: null },
      { municipality: 'Göteborg', district: 'Majorna', rooms: 2, suppressed: false, tenants: 5, medianQueueDays: 300, bandLow: 198, bandHigh: 402 },
    ]);
    const csv = await get('/statistics/reports/queue-time-needed?period=2025&format=csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')).toEqual([
      'municipality,district,rooms,tenants,medianQueueDays,bandLow,bandHigh,suppressed',
      'Göteborg,Haga,2,..,..,..,..,yes',
      'Göteborg,Majorna,2,5,300,198,402,no',
      '',
    ]);
    const svg = await get('/statistics/reports/queue-time-needed?period=2025&format=svg&lang=en')
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => done(null, text));
      });
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toContain('role="img"');
    expect(svg.body).toMatch(/<title id="chart-title">Queue time needed/);
    expect(svg.body).toContain('<desc id="chart-desc">Shortest queue time: Majorna 2 rooms, 0.8 years');
    expect(svg.body).toContain('Fewer than 5: not shown');
    const png = await get('/statistics/reports/lettings/series?period=2025&format=png')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(png.headers['content-type']).toBe('image/png');
    expect((png.body as Buffer).subarray(1, 4).toString()).toBe('PNG');
  });

  test('seekers over time: registered, new, deregistered and active, small counts suppressed', async () => {
    const { body } = await get('/statistics/reports/seekers?period=2025-Q2&granularity=month').expect(200);
    expect(body.points.map((p: Record<string, unknown>) => [p.registered, p.newRegistrations, p.deregistrations, p.closedAccounts, p.active, p.activeShare])).toEqual([
      [14, 0, 0, 0, 0, 0],
      [14, 0, 0, 0, 6, 0.429],
      // 8 left in June: 5 deregistered, 1 closed (suppressed); the 6 who applied in May remain
      [8, 0, 5, null, 6, 0.75],
    ]);
    expect(body.points[2].suppressed).toEqual(['closedAccounts']);
    const february = (await get('/statistics/reports/seekers?period=2025-02').expect(200)).body.points[0];
    expect(february).toMatchObject({ registered: 14, newRegistrations: 6 });
    // all born 1990: 35 during 2025; on 30 June 8 remain, 6 of whom applied in May
    const byAge = (await http().get('/statistics/open/seekers/age-groups?period=2025-06').expect(200)).body;
    expect(byAge.on).toBe('2025-06-30');
    expect(byAge.groups.find((g: { ageGroup: string }) => g.ageGroup === '35-44')).toEqual({ ageGroup: '35-44', registered: 8, active: 6, activeShare: 0.75, suppressed: [] });
    expect(byAge.groups.filter((g: { registered: number }) => g.registered === 0)).toHaveLength(6);
  });

  test('seekers by age group drawn: an accessible SVG saying which group is largest, and a PNG of it', async () => {
    const svg = await get('/statistics/reports/seekers/age-groups?period=2025-06&format=svg&lang=en')
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => done(null, text));
      });
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toMatch(/<title id="chart-title">Seekers in the queue by age group/);
    expect(svg.body).toContain('most: 35-44 (8)');
    const png = await http()
      .get('/statistics/open/seekers/age-groups?period=2025-06&format=png')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect((png.body as Buffer).subarray(1, 4).toString()).toBe('PNG');
    expect((png.body as Buffer).length).toBeGreaterThan(5000);
  });

  test('seekers by what they applied for: per municipality or list type, analysts only, one cut, with CSV and chart', async () => {
    const byMunicipality = (await get('/statistics/reports/seekers/wanted?period=2025').expect(200)).body;
    expect(byMunicipality).toMatchObject({ report: 'seekers-wanted', by: 'municipality', rows: [{ group: 'Göteborg', seekers: 6, applications: 6, suppressed: false }] });
    expect((await get('/statistics/reports/seekers/wanted?period=2025-06&by=listingType').expect(200)).body.rows).toEqual([]);
    const csv = await get('/statistics/reports/seekers/wanted?period=2025-05&by=listingType&format=csv').expect(200);
    expect(csv.text.split('\r\n')[0]).toBe('listingType,seekers,applications,suppressed');
    expect(csv.text.split('\r\n')[1]).toMatch(/^\w[\w-]*,6,6,no$/);
    const svg = await get('/statistics/reports/seekers/wanted?period=2025&format=svg&lang=en')
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => done(null, text));
      });
    expect(svg.body).toContain('Most applied for Göteborg (6).');
    expect((await get('/statistics/reports/seekers/wanted?period=2025&by=municipality,listingType').expect(400)).body.errors).toEqual([{ field: 'by', messages: expect.any(Array) }]);
    expect((await get('/statistics/reports/seekers/wanted?period=2025&district=Haga').expect(400)).body.errors).toEqual([{ field: 'district', messages: expect.any(Array) }]);
    await http().get('/statistics/open/seekers/wanted?period=2025').expect(404);
  });

  test('open data needs no sign-in, offers no landlord cut; the detailed reports need the analyst role', async () => {
    const open = await http().get('/statistics/open/queue-time-needed?period=2025').expect(200);
    expect(open.headers['cache-control']).toContain('public');
    expect(open.body.cells).toHaveLength(2);
    const refused = await http().get('/statistics/open/lettings?period=2025&by=landlord').expect(400);
    expect(refused.body.errors).toEqual([{ field: 'by', messages: ['the landlord cut is for analysts'] }]);
    await http().get('/statistics/open/lettings?from=2025-01-01&to=2025-02-01').expect(400);
    await http().get('/statistics/reports/lettings?period=2025').expect(401);
    expect((await http().get('/statistics/open/places').expect(200)).body).toEqual({
      municipalities: [{ name: 'Göteborg', districts: ['Haga', 'Kortedala', 'Majorna'] }],
    });
  });

  test('bad parameters get problem details naming the field; a listed district with no lettings reports 0', async () => {
    const badPeriod = await get('/statistics/reports/lettings?period=2025-13').expect(400);
    expect(badPeriod.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(badPeriod.body.errors[0].field).toBe('period');
    const unknown = await get('/statistics/reports/queue-time-needed?period=2025&district=Atlantis').expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'district', messages: ['unknown district "Atlantis"; see /statistics/open/places'] }]);
    const reversed = await get('/statistics/reports/lettings?from=2025-05-01&to=2025-04-01').expect(400);
    expect(reversed.body.errors[0].field).toBe('to');
    await get('/statistics/reports/lettings?from=2025-02-30&to=2025-04-01').expect(400);
    await get('/statistics/reports/lettings?period=2025&format=svg').expect(400);
    await get('/statistics/reports/seekers?period=2025&district=Haga').expect(400);
    await get('/statistics/reports/lettings?period=2025&by=colour').expect(400);
    const kortedala = (await get('/statistics/reports/lettings?period=2025&district=Kortedala').expect(200)).body;
    expect(kortedala.total).toMatchObject({ flatsLet: 0, suppressed: false });
  });

  test('redelivered and duplicated messages change no report', async () => {
    const before = (await get('/statistics/reports/lettings?period=2025&by=district').expect(200)).body;
    // the same messages again, and copies under new message ids (a republish by a producer that lost its outbox position)
    await infra.bus.publish(published);
    await infra.bus.publish(published.map((m) => ({ ...m, id: randomUUID() })));
    const marker = randomUUID();
    await publish([message(LandlordRegisteredV1.type, marker, { landlordId: marker, name: 'Marker AB', organisationNumber: '556000-0002' })]);
    await eventually(
      () => get('/statistics/reports/places'),
      (r) => r.body.landlords?.length === 2,
    );
    expect((await get('/statistics/reports/lettings?period=2025&by=district').expect(200)).body).toEqual(before);
  });

  test('replaying the bus log into empty tables gives identical reports', async () => {
    const paths = ['lettings?period=2025&by=district,rooms', 'lettings/series?period=2025', 'queue-time-needed?period=2025', 'seekers?period=2025&granularity=quarter'];
    const before = await Promise.all(paths.map(async (p) => (await get(`/statistics/reports/${p}`).expect(200)).body));
    // Twice: a second rebuild must not trip over the names the first one left behind.
    for (const { projection, topics } of [...STATISTICS_STORE, ...STATISTICS_STORE]) {
      const progress: number[] = [];
      await rebuildProjection(infra.pool, projection, busLogSource(infra.postgresBus!, topics), { onProgress: (p) => progress.push(p.share) });
      expect(progress[progress.length - 1]).toBe(1);
    }
    const after = await Promise.all(paths.map(async (p) => (await get(`/statistics/reports/${p}`).expect(200)).body));
    expect(after).toEqual(before);
    // the rebuilt table itself, read by PostgreSQL, not only the in-memory snapshot
    const raw = (await get(`/statistics/reports/${paths[0]}&source=raw`).expect(200)).body;
    expect({ ...raw, source: 'store' }).toEqual(before[0]);
    // the live consumer goes on writing into the swapped-in tables, cancellations included
    const late = letting('Majorna', 600);
    await publish(late.messages);
    await eventually(
      () => get('/statistics/reports/lettings?period=2025'),
      (r) => r.body.total?.flatsLet === 10,
    );
    await publish([message(LettingCancelledV1.type, late.facts.listingId, { listingId: late.facts.listingId, tenantApplicantId: late.tenant, on: '2025-03-30' })]);
    const after2 = await eventually(
      () => get('/statistics/reports/lettings?period=2025'),
      (r) => r.body.total?.flatsLet === 9,
    );
    expect(after2.body.total.flatsLet).toBe(9);
  });

  test('every report and its parameters are in the OpenAPI document', async () => {
    const { body } = await http().get('/docs-json').expect(200);
    for (const path of [
      '/statistics/reports/lettings',
      '/statistics/reports/lettings/series',
      '/statistics/reports/queue-time-needed',
      '/statistics/reports/seekers',
      '/statistics/open/queue-time-needed',
      '/statistics/policy',
    ]) {
      expect(body.paths[path]).toBeDefined();
    }
    const names = body.paths['/statistics/open/lettings/series'].get.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['period', 'from', 'to', 'granularity', 'district', 'rooms', 'listingType', 'format', 'lang']));
  });

  test('the suppression threshold is a policy setting, changed by an admin from a date on', async () => {
    await http()
      .get('/statistics/policy')
      .expect(200, { on: stockholmDate(new Date()), suppressionThreshold: 5 });
    const tooLow = await http()
      .post('/statistics/policy/changes')
      .set('authorization', `Bearer ${admin}`)
      .send({ setting: 'suppressionThreshold', value: 2, effectiveFrom: stockholmDate(new Date()), reason: 'Try a lower bar' })
      .expect(422);
    expect(tooLow.body.errors[0].field).toBe('value');
    await http()
      .post('/statistics/policy/changes')
      .set('authorization', `Bearer ${analyst}`)
      .send({ setting: 'suppressionThreshold', value: 4, effectiveFrom: stockholmDate(new Date()), reason: 'Not theirs' })
      .expect(403);
    await http()
      .post('/statistics/policy/changes')
      .set('authorization', `Bearer ${admin}`)
      .send({ setting: 'suppressionThreshold', value: 4, effectiveFrom: stockholmDate(new Date()), reason: 'Board decision on small districts' })
      .expect(201);
    const haga = (await get('/statistics/reports/lettings?period=2025&district=Haga').expect(200)).body;
    expect(haga.suppression.threshold).toBe(4);
    expect(haga.total.queueDays).toMatchObject({ n: 4, median: 2500, bandLow: 1735, bandHigh: 3265 });
  });

  test('a poison message: dead-lettered live at once, then skipped and reported by the rebuild, which equals the live table', async () => {
    const seeker = randomUUID();
    // No applicantId: what `npm run rebuild -- statistics seekers` used to stop at.
    const poison = message(ApplicantRegisteredV1.type, seeker, { registeredOn: '2025-04-01', queueStartDate: '2025-04-01' });
    await publish([
      message(ApplicantRegisteredV1.type, seeker, { applicantId: seeker, registeredOn: '2025-04-01', queueStartDate: '2025-04-01', birthYear: 1990 }),
      poison,
      message(ApplicantDeregisteredV1.type, seeker, { applicantId: seeker, on: '2025-05-01', reason: 'annual-fee-unpaid' }),
    ]);
    const dead = await eventually(
      () => infra.bus.deadLetters('statistics.seekers'),
      (d) => d.length > 0,
    );
    expect(dead.map((d) => [d.message.id, d.attempts])).toEqual([[poison.id, 1]]);
    expect(dead[0].error).toBe('ContractViolation: applicants.applicant-registered.v1: invalid or missing applicantId');
    const seekers = () => infra.pool.query('SELECT * FROM statistics.seekers ORDER BY applicant_id').then((r) => r.rows);
    const live = await eventually(seekers, (rows) => rows.some((r) => r.applicant_id === seeker && r.left_on !== null));

    const target = await statisticsRebuildTargets.seekers(infra);
    await rebuildProjection(infra.pool, target.projection, target.source);
    expect(await seekers()).toEqual(live);
    expect(target.replay?.skipped).toEqual([{ id: poison.id, reason: `dead-lettered: ${dead[0].error}` }]);
    expect(target.replay?.summary()).toBe(`skipped 1 message as consumer group statistics.seekers did (dead-lettered or breaking its contract): ${poison.id}`);
  });

  test('the TypeORM entities say what the read-model tables hold', async () => {
    expect(await entityDrift(infra.pool, STATISTICS_ENTITIES)).toEqual([]);
  });

  test('every read model rebuilt from the bus log equals the one built live, table by table', async () => {
    await expectRebuildToEqualLive(infra, statisticsRebuildTargets);
  });
});
