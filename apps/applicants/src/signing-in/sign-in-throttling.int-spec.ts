import { jest } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { Clock } from '@bostadsko/clock';
import { createTestApp } from '@bostadsko/platform';
import { freshDatabase } from '../../../../test/support/fresh-database.js';
import { personnummer as pnr } from '../../../../test/support/swedish-numbers.js';
import { ApplicantsModule } from '../applicants.module.js';

const PASSWORD = 'correct horse battery';
const WRONG = 'not the password';

describe('sign-in throttling in the applicants app, on real PostgreSQL', () => {
  let app: NestFastifyApplication;
  let staff: string;
  let now: Date;
  const http = () => request(app.getHttpServer());
  const later = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));

  // The tests' requests come from loopback, a trusted proxy, so X-Forwarded-For names the seeker's address.
  const seekerSignIn = (personnummer: string, password: string, from: string) => http().post('/applicants/sign-in').set('x-forwarded-for', from).send({ personnummer, password });
  const register = async (personnummer: string) =>
    (await http().post('/applicants').send({ personnummer, name: 'Test Person', email: 'p@example.se', password: PASSWORD }).expect(201)).body.applicantId as string;
  const failTimes = async (times: number, personnummer: string, from: string) => {
    for (let i = 0; i < times; i++) await seekerSignIn(personnummer, WRONG, from).expect(401);
  };

  beforeAll(async () => {
    process.env.JWT_SECRET = 'throttle-int-secret-long-enough-for-hs256-0123456789';
    process.env.SEED_ACCOUNTS = 'staff:staff@test.se:Staff-pass-1,admin:admin@test.se:Admin-pass-1';
    process.env.DATABASE_URL = await freshDatabase('applicants_throttle');
    delete process.env.BUS_DATABASE_URL;
    app = await createTestApp(ApplicantsModule);
    now = new Date();
    jest.spyOn(app.get(Clock), 'now').mockImplementation(() => now);
    staff = (await http().post('/auth/token').send({ username: 'staff@test.se', password: 'Staff-pass-1' }).expect(200)).body.access_token;
  });

  afterAll(() => app?.close());

  test('five wrong passwords lock the account: 429 with Retry-After, the right password refused until the delay has passed, then let in and the count reset', async () => {
    const personnummer = pnr('19811218', '987');
    const id = await register(personnummer);
    await failTimes(5, personnummer, '10.0.0.1');

    const refused = await seekerSignIn(personnummer, PASSWORD, '10.0.0.1').expect(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({
      type: 'https://bostadsko.se/problems/sign-in-throttled',
      status: 429,
      retryAfterSeconds: 1,
      retryAt: new Date(now.getTime() + 1000).toISOString(),
      detail: expect.stringContaining('try again in 1 second') as string,
    });

    // Each further failure doubles the wait.
    later(1);
    await seekerSignIn(personnummer, WRONG, '10.0.0.1').expect(401);
    expect((await seekerSignIn(personnummer, PASSWORD, '10.0.0.1').expect(429)).headers['retry-after']).toBe('2');

    later(2);
    await seekerSignIn(personnummer, PASSWORD, '10.0.0.1').expect(200);
    // Reset: four more failures are not yet a lock.
    await failTimes(4, personnummer, '10.0.0.1');
    await seekerSignIn(personnummer, PASSWORD, '10.0.0.1').expect(200);

    // Staff see the throttling in the account's history, with the address it came from.
    const history = await http().get(`/applicants/${id}/history`).set('authorization', `Bearer ${staff}`).set('x-access-reason', 'Throttling follow-up').expect(200);
    const noted = (history.body as { type: string }[]).filter((e) => e.type === 'sign-in-throttled');
    expect(noted).toEqual([expect.objectContaining({ actor: 'sign-in-throttle', data: expect.objectContaining({ failedAttempts: 5, fromAddress: '10.0.0.1' }) as object })]);
  });

  test('an unknown personnummer is throttled like a known one, so a 429 does not tell who has an account', async () => {
    const unknown = pnr('19700101', '123');
    await failTimes(5, unknown, '10.0.2.1');
    expect((await seekerSignIn(unknown, PASSWORD, '10.0.2.1').expect(429)).body.type).toBe('https://bostadsko.se/problems/sign-in-throttled');
  });

  test("one account's failures do not lock another account from the same address", async () => {
    const victim = pnr('19900101', '001');
    const neighbour = pnr('19900102', '002');
    await register(victim);
    await register(neighbour);
    await failTimes(5, victim, '10.0.3.1');
    await seekerSignIn(victim, PASSWORD, '10.0.3.1').expect(429);
    await seekerSignIn(neighbour, PASSWORD, '10.0.3.1').expect(200);
  });

  test('an attacker cannot lock the owner out for long: from another address the account-wide wait is capped short, while the failing address waits longer', async () => {
    const personnummer = pnr('19850505', '555');
    await register(personnummer);
    await failTimes(5, personnummer, '10.0.4.1');
    // Waits of 1, 2, 4 … 64 s for the attacker's address: seven more failures, each after the last wait.
    for (const wait of [1, 2, 4, 8, 16, 32, 64]) {
      later(wait);
      await seekerSignIn(personnummer, WRONG, '10.0.4.1').expect(401);
    }
    expect((await seekerSignIn(personnummer, PASSWORD, '10.0.4.1').expect(429)).headers['retry-after']).toBe('128');
    // From the owner's own address only the account-wide wait applies, capped at 60 s by default.
    expect((await seekerSignIn(personnummer, PASSWORD, '10.0.4.2').expect(429)).headers['retry-after']).toBe('60');
    later(60);
    await seekerSignIn(personnummer, PASSWORD, '10.0.4.2').expect(200);
  });

  test('many accounts failing from one address lock that address (credential stuffing), not others', async () => {
    const personnummer = pnr('19770707', '777');
    await register(personnummer);
    // Twenty different personnummer, one wrong password each: no account reaches its own threshold.
    for (let serial = 100; serial < 120; serial++) await seekerSignIn(pnr('19600101', String(serial)), WRONG, '10.0.5.1').expect(401);
    const refused = await seekerSignIn(personnummer, PASSWORD, '10.0.5.1').expect(429);
    expect(refused.headers['retry-after']).toBe('1');
    await seekerSignIn(personnummer, PASSWORD, '10.0.5.2').expect(200);
  });

  test('staff, analysts and admins on /auth/token are throttled by the configured rules', async () => {
    const token = (password: string) => http().post('/auth/token').set('x-forwarded-for', '10.0.6.1').send({ username: 'admin@test.se', password });
    for (let i = 0; i < 5; i++) await token('Wrong-pass-1').expect(401);
    const refused = await token('Admin-pass-1').expect(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.body).toMatchObject({ status: 429, type: 'https://bostadsko.se/problems/sign-in-throttled' });
    later(1);
    await token('Admin-pass-1').expect(200);
  });

  test('the thresholds are policy: an admin lowers the failures before a delay from today', async () => {
    const admin = (await http().post('/auth/token').send({ username: 'admin@test.se', password: 'Admin-pass-1' }).expect(200)).body.access_token as string;
    const today = (await http().get('/applicants/policy').expect(200)).body.on as string;
    await http()
      .post('/applicants/policy/changes')
      .set('authorization', `Bearer ${admin}`)
      .send({ setting: 'signInFailuresBeforeDelay', value: 2, effectiveFrom: today, reason: 'Security review 2026 §2' })
      .expect(201);
    const personnummer = pnr('19950615', '123');
    await register(personnummer);
    await failTimes(2, personnummer, '10.0.7.1');
    await seekerSignIn(personnummer, PASSWORD, '10.0.7.1').expect(429);
  });
});
