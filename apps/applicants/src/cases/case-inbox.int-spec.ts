import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createTestApp } from '@bostadsko/platform';
import { eventually } from '../../../../test/support/eventually.js';
import { freshDatabase } from '../../../../test/support/fresh-database.js';
import { ApplicantsModule } from '../applicants.module.js';

describe('the staff inbox of customer cases (GET /applicants/cases) on real PostgreSQL', () => {
  let app: NestFastifyApplication;
  let staff: string;
  const http = () => request(app.getHttpServer());
  const inbox = (status?: string) =>
    http()
      .get(`/applicants/cases${status ? `?status=${status}` : ''}`)
      .set('authorization', `Bearer ${staff}`);

  beforeAll(async () => {
    process.env.JWT_SECRET = 'case-inbox-int-secret-long-enough-for-hs256-0123456789';
    process.env.SEED_ACCOUNTS = 'staff:staff@test.se:Staff-pass-1';
    process.env.DATABASE_URL = await freshDatabase('case_inbox');
    delete process.env.BUS_DATABASE_URL;
    app = await createTestApp(ApplicantsModule);
    staff = (await http().post('/auth/token').send({ username: 'staff@test.se', password: 'Staff-pass-1' }).expect(200)).body.access_token;
  });

  afterAll(() => app?.close());

  test('cases of every seeker, oldest first, by status; an answered case leaves the open ones; seekers are refused', async () => {
    const register = async (personnummer: string) =>
      (await http().post('/applicants').send({ personnummer, name: 'Inkorg Testsson', email: 'inkorg@example.se', password: 'correct horse battery' }).expect(201)).body.applicantId as string;
    const first = await register('19811218-9876');
    const second = await register('19900101-0017');
    const openCase = async (applicantId: string, subject: string) =>
      (await http().post(`/applicants/${applicantId}/cases`).set('authorization', `Bearer ${staff}`).send({ channel: 'phone', subject, description: 'Personligt: ringde från jobbet' }).expect(201))
        .body.caseId as string;
    const a = await openCase(first, 'Fel köstart');
    const b = await openCase(second, 'Flyttar utomlands');

    const open = await eventually(
      () => inbox('open'),
      (answer) => answer.body.length === 2,
    );
    expect(open.body).toEqual([
      expect.objectContaining({ caseId: a, applicantId: first, channel: 'phone', subject: 'Fel köstart', status: 'open', answeredAt: null }),
      expect.objectContaining({ caseId: b, applicantId: second, subject: 'Flyttar utomlands', status: 'open' }),
    ]);
    // The description is sealed personal data: it never leaves the seeker's account for the inbox.
    expect(JSON.stringify(open.body)).not.toContain('Personligt');

    await http().post(`/applicants/${first}/cases/${a}/answer`).set('authorization', `Bearer ${staff}`).send({ answer: 'Rättat.' }).expect(200);
    const after = await eventually(
      () => inbox('open'),
      (answer) => answer.body.length === 1,
    );
    expect(after.body.map((c: { caseId: string }) => c.caseId)).toEqual([b]);
    expect((await inbox('answered').expect(200)).body).toEqual([expect.objectContaining({ caseId: a, status: 'answered', answeredAt: expect.any(String) })]);
    expect((await inbox().expect(200)).body).toHaveLength(2);
    await inbox('closed').expect(400);

    const seeker = (await http().post('/applicants/sign-in').send({ personnummer: '19811218-9876', password: 'correct horse battery' }).expect(200)).body.access_token as string;
    await http().get('/applicants/cases').set('authorization', `Bearer ${seeker}`).expect(403);
  });
});
