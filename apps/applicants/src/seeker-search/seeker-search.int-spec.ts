import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createTestApp } from '@bostadsko/platform';
import { rebuildProjection } from '@bostadsko/projections';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { eventually } from '../../../../test/support/eventually.js';
import { freshDatabase } from '../../../../test/support/fresh-database.js';
import { ApplicantsModule } from '../applicants.module.js';
import { applicantsRebuildTargets } from '../applicants.rebuild.js';

const PASSWORD = 'correct horse battery';
const REASON = { 'x-access-reason': encodeURIComponent('Ärende 7: sökanden ringde') };

describe('staff find a seeker (POST /applicants/search) on real PostgreSQL', () => {
  let app: NestFastifyApplication;
  let staff: string;
  let admin: string;
  const http = () => request(app.getHttpServer());
  const search = (query: string, token = staff, headers: Record<string, string> = REASON) => http().post('/applicants/search').set('authorization', `Bearer ${token}`).set(headers).send({ query });
  const register = async (personnummer: string, name: string, email: string) =>
    (await http().post('/applicants').send({ personnummer, name, email, password: PASSWORD }).expect(201)).body.applicantId as string;

  beforeAll(async () => {
    process.env.JWT_SECRET = 'seeker-search-int-secret-long-enough-for-hs256-0123456789';
    process.env.SEED_ACCOUNTS = 'staff:staff@test.se:Staff-pass-1,admin:admin@test.se:Admin-pass-1';
    process.env.DATABASE_URL = await freshDatabase('seeker_search');
    delete process.env.BUS_DATABASE_URL;
    app = await createTestApp(ApplicantsModule);
    staff = (await http().post('/auth/token').send({ username: 'staff@test.se', password: 'Staff-pass-1' }).expect(200)).body.access_token;
    admin = (await http().post('/auth/token').send({ username: 'admin@test.se', password: 'Admin-pass-1' }).expect(200)).body.access_token;
  });

  afterAll(() => app?.close());

  test('by personnummer in any accepted form, by e-mail in any case, by every word of a name; each hit logged with the reason', async () => {
    const astrid = await register('19811218-9876', 'Astrid Lindqvist', 'astrid@example.se');
    const bertil = await register('19900101-0017', 'Bertil Lindqvist', 'bertil@example.se');
    await register('19760319-2365', 'Cecilia 100% Ek', 'cecilia@example.se');
    const names = (answer: request.Response) => (answer.body as { seekers: { name: string }[] }).seekers.map((s) => s.name);

    const byName = await eventually(
      () => search('lindqvist'),
      (answer) => names(answer).length === 2,
    );
    expect(byName.status).toBe(200);
    expect(byName.body).toEqual({
      matchedBy: 'name',
      seekers: [
        { applicantId: astrid, name: 'Astrid Lindqvist', email: 'astrid@example.se' },
        { applicantId: bertil, name: 'Bertil Lindqvist', email: 'bertil@example.se' },
      ],
    });
    expect(names(await search('LINDQ astr'))).toEqual(['Astrid Lindqvist']);
    // A wildcard typed by staff is a character, not "anything". Cecilia registered last: wait until the directory has her.
    const wildcard = await eventually(
      () => search('100%'),
      (answer) => names(answer).length > 0,
    );
    expect(names(wildcard)).toEqual(['Cecilia 100% Ek']);
    expect(names(await search('1_0'))).toEqual([]);
    expect((await search('811218-9876')).body).toEqual({ matchedBy: 'personnummer', seekers: [{ applicantId: astrid, name: 'Astrid Lindqvist', email: 'astrid@example.se' }] });
    expect((await search('BERTIL@Example.se')).body).toMatchObject({ matchedBy: 'email', seekers: [{ applicantId: bertil }] });
    expect((await search('19850505-0008')).body).toEqual({ matchedBy: 'personnummer', seekers: [] });

    const log = await http().get(`/access-log/people/${bertil}`).set('authorization', `Bearer ${admin}`).set(REASON).expect(200);
    const searches = (log.body as { action: string; reason: string }[]).filter((read) => read.action === 'POST /applicants/search');
    expect(searches.map((read) => read.reason)).toEqual(['Ärende 7: sökanden ringde', 'Ärende 7: sökanden ringde']);
  });

  test('refused without a reason, and to a seeker; an erased person is no longer found', async () => {
    const id = await register('19700101-0003', 'Doris Raderad', 'doris@example.se');
    await eventually(
      () => search('Doris'),
      (answer) => answer.body.seekers?.length === 1,
    );
    const noReason = await search('Doris', staff, {}).expect(400);
    expect(noReason.body.errors).toEqual([{ field: 'X-Access-Reason', messages: [expect.stringContaining('must state why')] }]);
    await search('x', staff).expect(400);
    const seeker = (await http().post('/applicants/sign-in').send({ personnummer: '19700101-0003', password: PASSWORD }).expect(200)).body.access_token as string;
    await search('Doris', seeker).expect(403);

    await http().post(`/applicants/${id}/close`).set('authorization', `Bearer ${seeker}`).expect(200);
    await http().post(`/applicants/${id}/erase`).set('authorization', `Bearer ${staff}`).expect(200);
    const after = await eventually(
      () => search('Doris'),
      (answer) => answer.body.seekers?.length === 0,
    );
    expect(after.body.seekers).toEqual([]);

    // Rebuilt from the log, the directory still has everyone else and not the erased person: their details no longer open.
    const infra = app.get<Infrastructure>(INFRASTRUCTURE);
    const target = await applicantsRebuildTargets['seeker-directory'](infra);
    expect((await rebuildProjection(infra.pool, target.projection, target.source, { checkpoint: target.checkpoint })).events).toBeGreaterThan(0);
    expect((await search('Doris')).body.seekers).toEqual([]);
    expect((await search('Lindqvist')).body.seekers.map((s: { name: string }) => s.name)).toEqual(['Astrid Lindqvist', 'Bertil Lindqvist']);
  });
});
