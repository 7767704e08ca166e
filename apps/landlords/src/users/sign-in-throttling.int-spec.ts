import { jest } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { randomInt } from 'node:crypto';
import { stockholmDate } from '@bostadsko/calendar';
import { Clock } from '@bostadsko/clock';
import { createTestApp } from '@bostadsko/platform';
import { freshDatabase } from '../../../../test/support/fresh-database.js';
import { LandlordsModule } from '../landlords.module.js';
import { luhnCheckDigit } from '../organisation/organisation-number.js';

const PASSWORD = 'a long landlord password';

describe('landlord users: sign-in throttling on real PostgreSQL', () => {
  let app: NestFastifyApplication;
  let now: Date;
  const http = () => request(app.getHttpServer());
  const signIn = (email: string, password: string, from: string) => http().post('/landlords/sign-in').set('x-forwarded-for', from).send({ email, password });

  beforeAll(async () => {
    process.env.JWT_SECRET = 'landlords-throttle-secret-long-enough-for-hs256-0123';
    process.env.SEED_ACCOUNTS = 'staff:staff@test.se:Staff-pass-1';
    process.env.DATABASE_URL = await freshDatabase('landlords_throttle');
    delete process.env.BUS_DATABASE_URL;
    app = await createTestApp(LandlordsModule);
    now = new Date();
    jest.spyOn(app.get(Clock), 'now').mockImplementation(() => now);
  });

  afterAll(() => app?.close());

  test('five wrong passwords: 429 with Retry-After and problem details, the right one refused until the delay has passed, then let in', async () => {
    const staff = (await http().post('/auth/token').send({ username: 'staff@test.se', password: 'Staff-pass-1' }).expect(200)).body.access_token as string;
    const nine = `556${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
    const registered = await http()
      .post('/landlords')
      .send({ name: 'Bostadsbolaget AB', organisationNumber: `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`, contact: { name: 'Karin Holm', email: 'karin@example.se' } })
      .expect(201);
    const landlordId = registered.body.landlordId as string;
    await http()
      .post(`/landlords/${landlordId}/agreements`)
      .set('authorization', `Bearer ${staff}`)
      .send({ effectiveFrom: stockholmDate(now), terms: 'Standard terms' })
      .expect(201);
    const email = 'karin.holm@bostadsbolaget.se';
    await http().post(`/landlords/${landlordId}/users/first-administrator`).set('authorization', `Bearer ${staff}`).send({ name: 'Karin Holm', email, password: PASSWORD }).expect(201);

    for (let i = 0; i < 5; i++) await signIn(email, 'not the password', '10.1.0.1').expect(401);
    const refused = await signIn(email, PASSWORD, '10.1.0.1').expect(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.body).toMatchObject({ status: 429, type: 'https://bostadsko.se/problems/sign-in-throttled', detail: expect.stringContaining('try again in 1 second') as string });
    // The e-mail is counted however it is written.
    await signIn('Karin.Holm@Bostadsbolaget.se', PASSWORD, '10.1.0.1').expect(429);

    now = new Date(now.getTime() + 1000);
    await signIn(email, PASSWORD, '10.1.0.1').expect(200);
  });
});
