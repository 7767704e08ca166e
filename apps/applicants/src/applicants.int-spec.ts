import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import type { IntegrationMessage } from '@bostadsko/bus';
import { LettingCancelledV1, ListingLetV1, QueueStandingChangedV1 } from '@bostadsko/contracts';
import { createTestApp } from '@bostadsko/platform';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { freshDatabase } from '../../../test/support/fresh-database.js';
import { personnummer as pnr } from '../../../test/support/swedish-numbers.js';
import { ApplicantsModule } from './applicants.module.js';
import { addDays, stockholmDate } from '@bostadsko/calendar';
import { eventually } from '../../../test/support/eventually.js';
import { entityDrift, expectRebuildToEqualLive } from '@bostadsko/testing';
import { APPLICANTS_ENTITIES } from './applicants.entities.js';
import { applicantsRebuildTargets } from './applicants.rebuild.js';

const PASSWORD = 'correct horse battery';

const today = stockholmDate(new Date());

/** Staff state why they read a person's data. */
const REASON = { 'x-access-reason': 'Case 1: the seeker called' };

describe('applicants app over HTTP on real PostgreSQL', () => {
  let app: NestFastifyApplication;
  let infra: Infrastructure;
  let staff: string;
  let admin: string;
  const http = () => request(app.getHttpServer());

  const register = async (personnummer: string, name = 'Test Person') =>
    (await http().post('/applicants').send({ personnummer, name, email: 'p@example.se', password: PASSWORD }).expect(201)).body.applicantId as string;
  const signIn = async (personnummer: string) => (await http().post('/applicants/sign-in').send({ personnummer, password: PASSWORD }).expect(200)).body.access_token as string;
  const openCase = async (applicantId: string) =>
    (
      await http()
        .post(`/applicants/${applicantId}/cases`)
        .set('authorization', `Bearer ${staff}`)
        .send({ channel: 'phone', subject: 'Queue time', description: 'Called about the queue date' })
        .expect(201)
    ).body.caseId as string;
  const queueTime = async (applicantId: string, asOf = today) => (await http().get(`/applicants/${applicantId}/queue-time?asOf=${asOf}`).set('authorization', `Bearer ${staff}`)).body;

  beforeAll(async () => {
    process.env.JWT_SECRET = 'applicants-int-secret-long-enough-for-hs256-0123456789';
    process.env.SEED_ACCOUNTS = 'staff:staff@test.se:Staff-pass-1,admin:admin@test.se:Admin-pass-1';
    process.env.DATABASE_URL = await freshDatabase('applicants');
    delete process.env.BUS_DATABASE_URL;
    app = await createTestApp(ApplicantsModule);
    infra = app.get(INFRASTRUCTURE);
    staff = (await http().post('/auth/token').send({ username: 'staff@test.se', password: 'Staff-pass-1' }).expect(200)).body.access_token;
    admin = (await http().post('/auth/token').send({ username: 'admin@test.se', password: 'Admin-pass-1' }).expect(200)).body.access_token;
  });

  afterAll(() => app?.close());

  test('a seeker registers, signs in, and sees only their own account', async () => {
    const id = await register('19811218-9876', 'Astrid Lindqvist');
    const other = await register('19900101-0017');
    const token = await signIn('811218-9876');
    const me = await http().get(`/applicants/${id}`).set('authorization', `Bearer ${token}`).expect(200);
    expect(me.body).toMatchObject({ applicantId: id, status: 'active', queueStartDate: today, queueDays: 0, personal: { name: 'Astrid Lindqvist', personnummer: '198112189876' } });
    expect(me.body.personal.passwordHash).toBeUndefined();
    expect(me.headers.etag).toMatch(/^"\d+"$/);
    const forbidden = await http().get(`/applicants/${other}`).set('authorization', `Bearer ${token}`).expect(403);
    expect(forbidden.body).toMatchObject({ status: 403 });
    await http().post('/applicants/sign-in').send({ personnummer: '19811218-9876', password: 'wrong password!' }).expect(401);
    await http().post('/applicants/sign-in').send({ personnummer: '19700101-0009', password: PASSWORD }).expect(401);
  });

  test('under the minimum age in the policy: refused with the rule, nothing registered', async () => {
    const young = pnr(`${Number(today.slice(0, 4)) - 17}0101`, '123');
    const response = await http().post('/applicants').send({ personnummer: young, name: 'Young', email: 'y@example.se', password: PASSWORD }).expect(422);
    expect(response.body).toMatchObject({ status: 422, type: 'https://bostadsko.se/problems/applicants/below-minimum-age' });
  });

  test('edits carry If-Match: a stale ETag is refused with 412 and changes nothing', async () => {
    const id = await register(pnr('19950615', '123'));
    const token = await signIn(pnr('19950615', '123'));
    const { headers } = await http().get(`/applicants/${id}`).set('authorization', `Bearer ${token}`).expect(200);
    await http().patch(`/applicants/${id}/contact`).set('authorization', `Bearer ${token}`).set('if-match', headers.etag).send({ phone: '+46701234567' }).expect(200);
    const stale = await http().patch(`/applicants/${id}/contact`).set('authorization', `Bearer ${token}`).set('if-match', headers.etag).send({ phone: '+46700000000' }).expect(412);
    expect(stale.body).toMatchObject({ status: 412 });
    await http().patch(`/applicants/${id}/contact`).set('authorization', `Bearer ${token}`).set('if-match', 'nonsense').send({ phone: '+46700000000' }).expect(400);
    const me = await http().get(`/applicants/${id}`).set('authorization', `Bearer ${token}`).expect(200);
    expect(me.body.personal.phone).toBe('+46701234567');
  });

  describe('the command path (pinned before every write went through libs/command-handling)', () => {
    test('a stale If-Match is 412 problem details on every write that takes one, and changes nothing', async () => {
      const id = await register(pnr('19950616', '124'));
      const token = await signIn(pnr('19950616', '124'));
      const auth = { authorization: `Bearer ${token}` };
      const { headers } = await http().get(`/applicants/${id}`).set(auth).expect(200);
      await http().patch(`/applicants/${id}/contact`).set(auth).send({ phone: '+46701234567' }).expect(200);
      const contact = await http().patch(`/applicants/${id}/contact`).set(auth).set('if-match', headers.etag).send({ phone: '+46700000000' }).expect(412);
      const close = await http().post(`/applicants/${id}/close`).set(auth).set('if-match', headers.etag).expect(412);
      for (const refused of [contact, close]) {
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(refused.body).toMatchObject({ status: 412, instance: expect.any(String), correlationId: expect.any(String) });
      }
      expect((await http().get(`/applicants/${id}`).set(auth).expect(200)).body).toMatchObject({ status: 'active', personal: { phone: '+46701234567' } });
    });

    test('a business rule refusal is 409 with the rule in its type', async () => {
      const id = await register(pnr('19950617', '125'));
      const token = await signIn(pnr('19950617', '125'));
      await http().post(`/applicants/${id}/close`).set('authorization', `Bearer ${token}`).expect(200);
      const again = await http().post(`/applicants/${id}/close`).set('authorization', `Bearer ${token}`).expect(409);
      expect(again.body).toMatchObject({ status: 409, type: expect.stringMatching(/^https:\/\/bostadsko\.se\/problems\/applicants\/[a-z-]+$/) });
    });

    test('writers racing on one account without If-Match all succeed, each decided on what the others wrote', async () => {
      const id = await register(pnr('19950618', '126'));
      const subjects = ['One', 'Two', 'Three', 'Four'];
      await Promise.all(
        subjects.map((subject) => http().post(`/applicants/${id}/cases`).set('authorization', `Bearer ${staff}`).send({ channel: 'phone', subject, description: 'racing' }).expect(201)),
      );
      const cases = await http().get(`/applicants/${id}/cases`).set('authorization', `Bearer ${staff}`).set(REASON).expect(200);
      expect((cases.body as Array<{ subject: string }>).map((c) => c.subject).sort()).toEqual([...subjects].sort());
    });

    test('a retry after the answer was lost (killed between the append and recording it) gets the first answer, not 409', async () => {
      const body = { personnummer: pnr('19950620', '128'), name: 'Lost Answer', email: 'lost@example.se', password: PASSWORD };
      const first = await http().post('/applicants').set('idempotency-key', 'register-lost-1').send(body).expect(201);
      // What a kill -9 after the append leaves: a claim with no outcome whose owner is gone.
      await infra.pool.query('UPDATE platform.idempotency_keys SET status = NULL, body = NULL, owner = NULL WHERE key = $1', ['register-lost-1']);
      const retry = await http().post('/applicants').set('idempotency-key', 'register-lost-1').send(body).expect(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers['idempotent-replayed']).toBeUndefined();
      const events = await infra.store.readStream(`applicant-${first.body.applicantId}`);
      expect(events.map((e) => e.type)).toEqual(['applicant-registered']);
      expect(events[0].metadata.idempotencyKey).toEqual(expect.any(String));
      // The same person under another key is a new request, decided again: refused.
      await http().post('/applicants').set('idempotency-key', 'register-lost-2').send(body).expect(409);
    });

    test('a customer case registered again after its answer was lost is the same case, registered once', async () => {
      const id = await register(pnr('19950621', '127'));
      const key = `case-lost-${id}`;
      const send = () => http().post(`/applicants/${id}/cases`).set('authorization', `Bearer ${staff}`).set('idempotency-key', key).send({ channel: 'phone', subject: 'Lost', description: 'once' });
      const first = await send().expect(201);
      await infra.pool.query('UPDATE platform.idempotency_keys SET status = NULL, body = NULL, owner = NULL WHERE key = $1', [key]);
      const retry = await send().expect(201);
      expect(retry.body).toEqual(first.body);
      expect((await infra.store.readStream(`applicant-${id}`)).filter((e) => e.type === 'case-registered')).toHaveLength(1);
    });

    test('appended events carry the request’s correlation id, and it as their cause', async () => {
      const id = await register(pnr('19950619', '127'));
      await http()
        .post(`/applicants/${id}/cases`)
        .set('authorization', `Bearer ${staff}`)
        .set('x-correlation-id', 'pinned-correlation-1')
        .send({ channel: 'phone', subject: 'Ids', description: 'ids' })
        .expect(201);
      const last = (await infra.store.readStream(`applicant-${id}`)).at(-1)!;
      expect(last.metadata).toMatchObject({ correlationId: 'pinned-correlation-1', causationId: 'pinned-correlation-1', actor: expect.any(String) });
    });
  });

  test('a retried command with the same Idempotency-Key is answered once', async () => {
    const id = await register(pnr('19700101', '000'));
    const send = () =>
      http().post(`/applicants/${id}/cases`).set('authorization', `Bearer ${staff}`).set('idempotency-key', 'case-call-42').send({ channel: 'phone', subject: 'Retry', description: 'once' });
    const first = await send().expect(201);
    const again = await send().expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const cases = await http().get(`/applicants/${id}/cases`).set('authorization', `Bearer ${staff}`).set(REASON).expect(200);
    expect(cases.body).toHaveLength(1);
    await http()
      .post(`/applicants/${id}/cases`)
      .set('authorization', `Bearer ${staff}`)
      .set('idempotency-key', 'case-call-42')
      .send({ channel: 'visit', subject: 'Other', description: 'x' })
      .expect(422);
  });

  test('a staff decision needs a case and a reason, and shows in the history with who and why', async () => {
    const id = await register(pnr('19760319', '236'));
    await http()
      .post(`/applicants/${id}/queue-decisions`)
      .set('authorization', `Bearer ${staff}`)
      .send({ reason: 'staff-correction', queueStartDate: '2019-03-01', caseId: randomUUID(), explanation: 'Wrong date' })
      .expect(422);
    await http().post(`/applicants/${id}/queue-decisions`).set('authorization', `Bearer ${staff}`).send({ reason: 'staff-correction', queueStartDate: '2019-03-01' }).expect(400);
    const caseId = await openCase(id);
    await http()
      .post(`/applicants/${id}/queue-decisions`)
      .set('authorization', `Bearer ${staff}`)
      .send({ reason: 'restored-after-agency-error', queueStartDate: '2019-03-01', caseId, explanation: 'Our system lost the 2019 registration' })
      .expect(200);
    const standing = await eventually(
      () => queueTime(id),
      (b) => b.queueStartDate === '2019-03-01',
    );
    expect(standing.queueDays).toBeGreaterThan(2000);
    const history = await http().get(`/applicants/${id}/history`).set('authorization', `Bearer ${staff}`).set(REASON).expect(200);
    expect(history.body.find((e: { type: string }) => e.type === 'queue-start-changed')).toMatchObject({
      data: { caseId, explanation: 'Our system lost the 2019 registration', reason: 'restored-after-agency-error' },
    });
    const seekerToken = await signIn(pnr('19760319', '236'));
    await http()
      .post(`/applicants/${id}/queue-decisions`)
      .set('authorization', `Bearer ${seekerToken}`)
      .send({ reason: 'staff-correction', queueStartDate: '2000-01-01', caseId, explanation: 'I would like more' })
      .expect(403);
  });

  test('a letting through the queue uses up queue time; a letting not completed restores it; short-term keeps it', async () => {
    const id = await register(pnr('19640823', '323'));
    const caseId = await openCase(id);
    await http()
      .post(`/applicants/${id}/queue-decisions`)
      .set('authorization', `Bearer ${staff}`)
      .send({ reason: 'staff-correction', queueStartDate: '2015-01-01', caseId, explanation: 'Corrected start', effectiveFrom: today })
      .expect(200);
    await eventually(
      () => queueTime(id),
      (b) => b.queueStartDate === '2015-01-01',
    );
    const listingId = randomUUID();
    const contractDate = today;
    const message = (type: string, payload: unknown): IntegrationMessage => ({
      id: randomUUID(),
      type,
      key: listingId,
      payload,
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: new Date().toISOString(),
    });
    const flat = {
      landlordId: randomUUID(),
      municipality: 'Göteborg',
      district: 'Majorna',
      rooms: 2,
      areaM2: 54,
      monthlyRent: 7200,
      publishedOn: contractDate,
      tenantQueueDays: 4000,
      applications: 120,
    };
    const shortTerm = message(ListingLetV1.type, { ...flat, listingId: randomUUID(), tenantApplicantId: id, contractDate, listingType: 'short-term', usesQueueTime: false });
    const letting = message(ListingLetV1.type, { ...flat, listingId, tenantApplicantId: id, contractDate, listingType: 'regular', usesQueueTime: true });
    await infra.bus.publish([shortTerm, letting, { ...letting, id: randomUUID() }]);
    const history = () =>
      http()
        .get(`/applicants/${id}/history`)
        .set('authorization', `Bearer ${staff}`)
        .set(REASON)
        .then((r) => r.body as Array<{ data: { reason?: string } }>);
    await eventually(history, (events) => events.some((e) => e.data.reason === 'contract-signed'));
    const usedUp = await eventually(
      () => queueTime(id),
      (b) => b.queueStartDate === contractDate,
    );
    expect(usedUp).toMatchObject({ queueStartDate: contractDate, queueDays: 0 });

    await infra.bus.publish([message(LettingCancelledV1.type, { listingId, tenantApplicantId: id, on: today })]);
    const restored = await eventually(
      () => queueTime(id),
      (b) => b.queueStartDate === '2015-01-01',
    );
    expect(restored.queueStartDate).toBe('2015-01-01');
    expect((await history()).filter((e) => e.data.reason === 'contract-signed')).toHaveLength(1);
  });

  test('queue standing changes are published for other apps, without personal data', async () => {
    const id = await register(pnr('19450526', '123'));
    const seen: IntegrationMessage[] = [];
    const consumer = await infra.bus.consume({ group: `probe-${randomUUID()}`, topics: [QueueStandingChangedV1.type] }, async (m) => {
      if ((m.payload as { applicantId: string }).applicantId === id) seen.push(m);
    });
    await eventually(
      async () => seen.length,
      (n) => n >= 1,
    );
    await consumer.stop();
    expect(seen[0].payload).toEqual({ applicantId: id, status: 'active', queueStartDate: today, effectiveFrom: today, reason: 'registered' });
    expect(JSON.stringify(seen[0])).not.toContain('1945');
  });

  test('personnummer change keeps the account; the old number no longer signs in', async () => {
    const id = await register(pnr('19521030', '325'));
    const caseId = await openCase(id);
    await http()
      .post(`/applicants/${id}/personnummer`)
      .set('authorization', `Bearer ${staff}`)
      .send({ caseId, personnummer: pnr('19521030', '326') })
      .expect(200);
    expect(await signIn(pnr('19521030', '326'))).toBeTruthy();
    await http()
      .post('/applicants/sign-in')
      .send({ personnummer: pnr('19521030', '325'), password: PASSWORD })
      .expect(401);
    await http().post(`/applicants/${id}/personnummer`).set('authorization', `Bearer ${staff}`).send({ caseId, personnummer: '19811218-9876' }).expect(409);
  });

  test('register extract, close, erasure: the events stay, the person is gone from them', async () => {
    const id = await register(pnr('19870214', '123'), 'Erik Eraseme');
    const token = await signIn(pnr('19870214', '123'));
    const extract = await http().get(`/applicants/${id}/extract`).set('authorization', `Bearer ${token}`).expect(200);
    expect(extract.body.personalData).toMatchObject({ name: 'Erik Eraseme' });
    expect(extract.body.records[0]).toMatchObject({ type: 'applicant-registered', data: { personal: { name: 'Erik Eraseme' } } });
    expect(JSON.stringify(extract.body)).not.toContain('argon2');
    expect(extract.body).toMatchObject({ app: 'applicants', applicantId: id, accessLog: [] });

    // Staff state why they look, or are refused; the person sees who looked, when and why, and so does an administrator.
    await http().get(`/applicants/${id}/extract`).set('authorization', `Bearer ${staff}`).expect(400);
    await http().get(`/applicants/${id}`).set('authorization', `Bearer ${staff}`).set('x-access-reason', ' ').expect(400);
    await http().get(`/applicants/${id}/extract`).set('authorization', `Bearer ${staff}`).set('x-access-reason', encodeURIComponent('Ärende 17: frågor om kötid')).expect(200);
    const seen = await http().get(`/applicants/${id}/extract`).set('authorization', `Bearer ${token}`).expect(200);
    expect(seen.body.accessLog).toEqual([expect.objectContaining({ roles: ['staff'], action: 'GET /applicants/:applicantId/extract', reason: 'Ärende 17: frågor om kötid' })]);
    await http().get(`/access-log/people/${id}`).set('authorization', `Bearer ${staff}`).set(REASON).expect(403);
    const log = await http().get(`/access-log/people/${id}`).set('authorization', `Bearer ${admin}`).set(REASON).expect(200);
    expect(log.body[0]).toMatchObject({ reason: 'Ärende 17: frågor om kötid' });

    await http().post(`/applicants/${id}/erase`).set('authorization', `Bearer ${staff}`).expect(422);
    await http().post(`/applicants/${id}/close`).set('authorization', `Bearer ${token}`).expect(200);
    await http().post(`/applicants/${id}/erase`).set('authorization', `Bearer ${token}`).expect(403);
    await http().post(`/applicants/${id}/erase`).set('authorization', `Bearer ${staff}`).expect(200);

    const events = await infra.store.readStream(`applicant-${id}`);
    expect(events.map((e) => e.type)).toEqual(['applicant-registered', 'account-closed', 'personal-data-erased']);
    expect(JSON.stringify(events.map((e) => e.data))).not.toContain('Erik');
    const after = await http().get(`/applicants/${id}/extract`).set('authorization', `Bearer ${staff}`).set(REASON).expect(200);
    expect(after.body.personalData).toBeNull();
    expect(after.body.records[0].data.personal).toBe('(erased)');
    // The staff reads stay logged (who, when, what); the reasons went with the key. A read is logged once it has
    // answered, so this one is not in its own answer.
    expect(after.body.accessLog).toEqual(
      ['GET /applicants/:applicantId/extract', 'GET /access-log/people/:applicantId'].map((action) => expect.objectContaining({ app: 'applicants', action, reason: '(erased)' })),
    );
    await http()
      .post('/applicants/sign-in')
      .send({ personnummer: pnr('19870214', '123'), password: PASSWORD })
      .expect(401);
    // The person may register anew: the identity claim was released.
    expect(await register(pnr('19870214', '123'))).not.toBe(id);
  });

  test('policy: rules are data, changed from a date on, never for the past', async () => {
    const policy = await http().get('/applicants/policy').expect(200);
    expect(policy.body).toMatchObject({ annualFee: 200, earlyPaymentDays: 30, graceDays: 90, minimumAge: 18 });
    const from = addDays(today, 10);
    await http()
      .post('/applicants/policy/changes')
      .set('authorization', `Bearer ${admin}`)
      .send({ setting: 'annualFee', value: 250, effectiveFrom: from, reason: 'Board decision 2026 §4' })
      .expect(201);
    await http()
      .post('/applicants/policy/changes')
      .set('authorization', `Bearer ${admin}`)
      .send({ setting: 'annualFee', value: 250, effectiveFrom: addDays(today, -1), reason: 'Backdated' })
      .expect(422);
    await http().post('/applicants/policy/changes').set('authorization', `Bearer ${staff}`).send({ setting: 'annualFee', value: 1, effectiveFrom: from, reason: 'Not allowed' }).expect(403);
    await http().post('/applicants/policy/changes').set('authorization', `Bearer ${admin}`).send({ setting: 'nonsense', value: 1, effectiveFrom: from, reason: 'Unknown' }).expect(400);
    expect((await http().get(`/applicants/policy?on=${today}`).expect(200)).body.annualFee).toBe(200);
    expect((await http().get(`/applicants/policy?on=${from}`).expect(200)).body.annualFee).toBe(250);
    await http().get('/applicants/policy?on=2026-02-30x').expect(400);
  });

  test('hostile and malformed input: problem details, never a 500', async () => {
    const id = await register(pnr('19600305', '123'));
    const cases: Array<[request.Test, number]> = [
      [http().get('/applicants/not-a-uuid').set('authorization', `Bearer ${staff}`), 400],
      [http().get(`/applicants/${randomUUID()}`).set('authorization', `Bearer ${staff}`).set(REASON), 404],
      [http().get('/applicants/not-a-uuid').set('authorization', `Bearer ${staff}`).set(REASON), 400],
      [http().get(`/applicants/${id}/queue-time?asOf=yesterday`).set('authorization', `Bearer ${staff}`), 400],
      [http().post('/applicants').send({ personnummer: "1' OR 1=1 --", name: 'x', email: 'x@example.se', password: PASSWORD }), 400],
      [
        http()
          .post('/applicants')
          .send({ personnummer: '19811218-9876', name: 'x'.repeat(5000), email: 'x@example.se', password: PASSWORD }),
        400,
      ],
      [http().post('/applicants').send([1, 2, 3]), 400],
      [http().post('/applicants').set('content-type', 'application/json').send('{"a":'), 400],
      [http().post(`/applicants/${id}/cases`).set('authorization', `Bearer ${staff}`).send({ channel: 'fax', subject: 'x', description: 'y' }), 400],
      [http().post(`/applicants/${id}/cases/${randomUUID()}/answer`).set('authorization', `Bearer ${staff}`).send({ answer: 'x' }), 422],
      [http().post(`/applicants/${id}/queue-transfers`).set('authorization', `Bearer ${staff}`).send({ fromApplicantId: randomUUID(), caseId: randomUUID(), explanation: 'transfer' }), 409],
      [http().get(`/applicants/${id}`), 401],
    ];
    for (const [call, status] of cases) {
      const response = await call;
      expect({ status: response.status, type: response.headers['content-type'] }).toEqual({ status, type: expect.stringContaining('application/problem+json') });
    }
  });

  // The fee notices and discrepancies need fees falling due: fees.int-spec.ts drives them and checks all three fee projections.
  test('the TypeORM entities say what the read-model tables hold', async () => {
    expect(await entityDrift(infra.pool, APPLICANTS_ENTITIES)).toEqual([]);
  });

  test('the queue time and fee account projections rebuilt from the log equal the ones built live', async () => {
    await expectRebuildToEqualLive(infra, applicantsRebuildTargets, ['queue-time', 'fee-accounts']);
  });
});
