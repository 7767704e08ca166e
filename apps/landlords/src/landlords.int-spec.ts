import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { randomInt, randomUUID } from 'node:crypto';
import type { IntegrationMessage } from '@bostadsko/bus';
import {
  AccountClosedV1,
  AgreementStatusChangedV1,
  ApplicationsClosedV1,
  LandlordRegisteredV1,
  LandlordUserChangedV1,
  LettingGuidelineChangedV1,
  ListingLetV1,
  ListingPublishedV1,
  ListingWithdrawnV1,
  ProposalDecidedV1,
  TenantProposedV1,
} from '@bostadsko/contracts';
import { createTestApp } from '@bostadsko/platform';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { eventually } from '../../../test/support/eventually.js';
import { freshDatabase } from '../../../test/support/fresh-database.js';
import { LandlordsModule } from './landlords.module.js';
import { landlordsRebuildTargets } from './landlords.rebuild.js';
import { DEMO_LANDLORD_SIGN_IN, seedDemoLandlord } from './demo/demo-landlord.js';
import { entityDrift, expectRebuildToEqualLive } from '@bostadsko/testing';
import { LANDLORDS_ENTITIES } from './landlords.entities.js';
import { luhnCheckDigit } from './organisation/organisation-number.js';
import { addDays, stockholmDate } from '@bostadsko/calendar';

const today = stockholmDate(new Date());
const PASSWORD = 'a long landlord password';

/** A valid organisation number: third digit 5, Luhn check digit computed. */
function orgNumber(): string {
  const nine = `556${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
  return `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
}

describe('landlords app over HTTP on real PostgreSQL', () => {
  let app: NestFastifyApplication;
  let infra: Infrastructure;
  let staff: string;
  const http = () => request(app.getHttpServer());
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  /** A landlord with an agreement active today, its administrator signed in. */
  async function onboard(name = 'Bostadsbolaget AB') {
    const email = `admin-${randomUUID()}@example.se`;
    const registered = await http()
      .post('/landlords')
      .send({ name, organisationNumber: orgNumber(), contact: { name: 'Karin Holm', email: 'karin@example.se' } })
      .expect(201);
    const landlordId = registered.body.landlordId as string;
    const signed = await http().post(`/landlords/${landlordId}/agreements`).set(bearer(staff)).send({ effectiveFrom: today, terms: 'Standard terms' }).expect(201);
    await http().post(`/landlords/${landlordId}/users/first-administrator`).set(bearer(staff)).send({ name: 'Karin Holm', email, password: PASSWORD }).expect(201);
    const admin = await signIn(email);
    return { landlordId, agreementId: signed.body.openAgreementId as string, admin, email };
  }
  const signIn = async (email: string) => (await http().post('/landlords/sign-in').send({ email, password: PASSWORD }).expect(200)).body.access_token as string;

  const message = (type: string, key: string, payload: unknown): IntegrationMessage => ({
    id: randomUUID(),
    type,
    key,
    payload,
    correlationId: randomUUID(),
    causationId: null,
    occurredAt: new Date().toISOString(),
  });
  const flat = (landlordId: string, listingId: string, overrides: Record<string, unknown> = {}) => ({
    listingId,
    landlordId,
    municipality: 'Göteborg',
    district: 'Majorna',
    rooms: 2,
    areaM2: 54,
    monthlyRent: 7200,
    listingType: 'regular',
    ...overrides,
  });

  /** Every message the relay published about a landlord on these topics, once at least `count` have arrived. */
  async function published(landlordId: string, topics: string[], count: number): Promise<IntegrationMessage[]> {
    const seen: IntegrationMessage[] = [];
    const consumer = await infra.bus.consume({ group: `probe-${randomUUID()}`, topics }, async (m) => {
      if ((m.payload as { landlordId: string }).landlordId === landlordId) seen.push(m);
    });
    await eventually(
      async () => seen.length,
      (n) => n >= count,
    );
    await consumer.stop();
    return seen;
  }

  beforeAll(async () => {
    process.env.JWT_SECRET = 'landlords-int-secret-long-enough-for-hs256-0123456789';
    process.env.SEED_ACCOUNTS = 'staff:staff@test.se:Staff-pass-1,analyst:analyst@test.se:Analyst-pass-1';
    process.env.DATABASE_URL = await freshDatabase('landlords');
    delete process.env.BUS_DATABASE_URL;
    app = await createTestApp(LandlordsModule);
    infra = app.get(INFRASTRUCTURE);
    staff = (await http().post('/auth/token').send({ username: 'staff@test.se', password: 'Staff-pass-1' }).expect(200)).body.access_token;
  });

  afterAll(() => app?.close());

  test('interest, agreement, first administrator: the organisation is published to other apps, contact details are not', async () => {
    const { landlordId, agreementId, admin } = await onboard('Hyresbostäder i Majorna AB');
    const me = await http().get('/landlords/me').set(bearer(admin)).expect(200);
    expect(me.body).toMatchObject({ landlordId, role: 'administrator', organisation: 'Hyresbostäder i Majorna AB', name: 'Karin Holm' });
    const organisation = await http().get(`/landlords/${landlordId}`).set(bearer(admin)).expect(200);
    expect(organisation.body).toMatchObject({ agreementStatus: 'active', canPublishToday: true, contact: { name: 'Karin Holm' } });
    expect(organisation.headers.etag).toMatch(/^"\d+"$/);

    const messages = await published(landlordId, [LandlordRegisteredV1.type, AgreementStatusChangedV1.type, LandlordUserChangedV1.type], 3);
    expect(messages.map((m) => m.type).sort()).toEqual([AgreementStatusChangedV1.type, LandlordRegisteredV1.type, LandlordUserChangedV1.type].sort());
    expect(messages.find((m) => m.type === AgreementStatusChangedV1.type)?.payload).toEqual({ landlordId, agreementId, status: 'active', effectiveFrom: today, reason: 'agreement signed' });
    expect(messages.every((m) => m.key === landlordId)).toBe(true);
    expect(JSON.stringify(messages)).not.toMatch(/Karin|example\.se/);
    const stored = JSON.stringify((await infra.store.readStream(`landlord-${landlordId}`)).map((e) => e.data));
    expect(stored).not.toMatch(/Karin|example\.se|argon2/);

    const list = await eventually(
      () =>
        http()
          .get('/landlords?status=active')
          .set(bearer(staff))
          .then((r) => r.body as Array<{ landlordId: string }>),
      (rows) => rows.some((r) => r.landlordId === landlordId),
    );
    expect(list.find((r) => r.landlordId === landlordId)).toMatchObject({ name: 'Hyresbostäder i Majorna AB', status: 'active' });
  });

  test('organisation numbers: the check digit and the third digit are checked, one landlord per number', async () => {
    const contact = { name: 'A', email: 'a@example.se' };
    const bad = await http().post('/landlords').send({ name: 'Fel AB', organisationNumber: '556036-0794', contact }).expect(400);
    expect(bad.body).toMatchObject({ status: 400, errors: [{ field: 'organisationNumber', messages: [expect.stringContaining('check digit')] }] });
    await http().post('/landlords').send({ name: 'Person', organisationNumber: '811218-9876', contact }).expect(400);
    const number = orgNumber();
    await http().post('/landlords').send({ name: 'Först AB', organisationNumber: number, contact }).expect(201);
    const again = await http()
      .post('/landlords')
      .send({ name: 'Igen AB', organisationNumber: number.replace('-', ''), contact })
      .expect(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
  });

  test('the agreement lifecycle over HTTP: future start, suspension, termination by the landlord, no double termination', async () => {
    const registered = await http()
      .post('/landlords')
      .send({ name: 'Framtida AB', organisationNumber: orgNumber(), contact: { name: 'B', email: 'b@example.se' } })
      .expect(201);
    const landlordId = registered.body.landlordId;
    const start = addDays(today, 7);
    const signed = await http().post(`/landlords/${landlordId}/agreements`).set(bearer(staff)).send({ effectiveFrom: start, terms: 'Terms' }).expect(201);
    expect(signed.body).toMatchObject({ agreementStatus: 'none', canPublishToday: false });
    const agreementId = signed.body.openAgreementId;
    expect((await http().get(`/landlords/${landlordId}/agreement-status?on=${start}`).set(bearer(staff)).expect(200)).body).toMatchObject({ status: 'active', canPublish: true });
    await http()
      .post(`/landlords/${landlordId}/agreements`)
      .set(bearer(staff))
      .send({ effectiveFrom: addDays(today, 30), terms: 'Another' })
      .expect(409);
    await http()
      .post(`/landlords/${landlordId}/agreements/${agreementId}/suspension`)
      .set(bearer(staff))
      .send({ effectiveFrom: addDays(today, 10), reason: 'Unpaid fees' })
      .expect(200);
    await http()
      .post(`/landlords/${landlordId}/agreements/${agreementId}/reinstatement`)
      .set(bearer(staff))
      .send({ effectiveFrom: addDays(today, 12), reason: 'Paid' })
      .expect(200);
    await http()
      .post(`/landlords/${landlordId}/users/first-administrator`)
      .set(bearer(staff))
      .send({ name: 'Admin', email: `f-${randomUUID()}@example.se`, password: PASSWORD })
      .expect(201);
    const users = await http().get(`/landlords/${landlordId}/users`).set(bearer(staff)).expect(200);
    const admin = await signIn(users.body[0].email);
    await http()
      .post(`/landlords/${landlordId}/agreements/${agreementId}/suspension`)
      .set(bearer(admin))
      .send({ effectiveFrom: addDays(today, 20), reason: 'Self' })
      .expect(403);
    const past = await http()
      .post(`/landlords/${landlordId}/agreements/${agreementId}/termination`)
      .set(bearer(admin))
      .send({ noticeDate: addDays(today, -1), reason: 'Backdated' })
      .expect(422);
    expect(past.body.type).toBe('https://bostadsko.se/problems/landlords/date-in-past');
    const notice = addDays(today, 90);
    await http().post(`/landlords/${landlordId}/agreements/${agreementId}/termination`).set(bearer(admin)).send({ noticeDate: notice, reason: 'We let our flats ourselves' }).expect(200);
    const twice = await http()
      .post(`/landlords/${landlordId}/agreements/${agreementId}/termination`)
      .set(bearer(staff))
      .send({ noticeDate: addDays(today, 100), reason: 'Again' })
      .expect(409);
    expect(twice.body.type).toBe('https://bostadsko.se/problems/landlords/already-terminated');

    const statuses = await published(landlordId, [AgreementStatusChangedV1.type], 4);
    expect(statuses.map((m) => m.payload)).toEqual([
      { landlordId, agreementId, status: 'active', effectiveFrom: start, reason: 'agreement signed' },
      { landlordId, agreementId, status: 'suspended', effectiveFrom: addDays(today, 10), reason: 'Unpaid fees' },
      { landlordId, agreementId, status: 'active', effectiveFrom: addDays(today, 12), reason: 'Paid' },
      { landlordId, agreementId, status: 'terminated', effectiveFrom: notice, reason: 'terminated by the landlord: We let our flats ourselves' },
    ]);
    const history = await http().get(`/landlords/${landlordId}/history`).set(bearer(admin)).expect(200);
    expect(history.body.map((e: { type: string }) => e.type)).toEqual(['landlord-registered', 'agreement-signed', 'agreement-suspended', 'agreement-reinstated', 'user-added', 'agreement-terminated']);
    expect(JSON.stringify(history.body)).not.toContain('argon2');
  });

  test('users: the administrator invites and removes; removal revokes the token at once and is published', async () => {
    const { landlordId, admin } = await onboard();
    const agentEmail = `agent-${randomUUID()}@example.se`;
    const invited = await http().post(`/landlords/${landlordId}/users`).set(bearer(admin)).send({ name: 'Lars Agent', email: agentEmail, role: 'letting-agent', password: PASSWORD }).expect(201);
    const agent = await signIn(agentEmail);
    await http().get(`/landlords/${landlordId}/reports/vacancy`).set(bearer(agent)).expect(200);
    await http()
      .post(`/landlords/${landlordId}/users`)
      .set(bearer(agent))
      .send({ name: 'X', email: `x-${randomUUID()}@example.se`, role: 'administrator', password: PASSWORD })
      .expect(403);
    await http().post(`/landlords/${landlordId}/users`).set(bearer(admin)).send({ name: 'Dup', email: agentEmail.toUpperCase(), role: 'letting-agent', password: PASSWORD }).expect(409);
    await http()
      .post(`/landlords/${landlordId}/users/first-administrator`)
      .set(bearer(staff))
      .send({ name: 'Second', email: `s-${randomUUID()}@example.se`, password: PASSWORD })
      .expect(409);
    const adminId = (await http().get('/landlords/me').set(bearer(admin)).expect(200)).body.userId;
    await http().delete(`/landlords/${landlordId}/users/${adminId}`).set(bearer(admin)).expect(422);

    await http().delete(`/landlords/${landlordId}/users/${invited.body.userId}`).set(bearer(admin)).expect(200);
    const revoked = await http().get(`/landlords/${landlordId}/reports/vacancy`).set(bearer(agent)).expect(401);
    expect(revoked.headers['content-type']).toContain('application/problem+json');
    await http().post('/landlords/sign-in').send({ email: agentEmail, password: PASSWORD }).expect(401);
    await http()
      .post('/landlords/sign-in')
      .send({ email: `nobody-${randomUUID()}@example.se`, password: PASSWORD })
      .expect(401);
    const users = await http().get(`/landlords/${landlordId}/users`).set(bearer(admin)).expect(200);
    expect(users.body.find((u: { userId: string }) => u.userId === invited.body.userId)).toMatchObject({ status: 'removed', role: 'letting-agent', name: 'Lars Agent' });

    const changes = await published(landlordId, [LandlordUserChangedV1.type], 3);
    expect(changes.map((m) => (m.payload as LandlordUserChangedV1).status)).toEqual(['active', 'active', 'removed']);
    expect(changes[2].payload).toMatchObject({ userId: invited.body.userId, role: 'letting-agent', status: 'removed' });
  });

  test('a user changes its password; staff erase a removed user, whose details are then gone from every event', async () => {
    const { landlordId, admin } = await onboard();
    const agentEmail = `agent-${randomUUID()}@example.se`;
    const { body } = await http().post(`/landlords/${landlordId}/users`).set(bearer(admin)).send({ name: 'Greta Agent', email: agentEmail, role: 'letting-agent', password: PASSWORD }).expect(201);
    const agent = await signIn(agentEmail);
    await http().post('/landlords/me/password').set(bearer(agent)).send({ currentPassword: 'not my password', newPassword: 'a brand new password' }).expect(422);
    await http().post('/landlords/me/password').set(bearer(agent)).send({ currentPassword: PASSWORD, newPassword: 'a brand new password' }).expect(200);
    await http().post('/landlords/sign-in').send({ email: agentEmail, password: PASSWORD }).expect(401);
    await http().post('/landlords/sign-in').send({ email: agentEmail, password: 'a brand new password' }).expect(200);

    await http().post(`/landlords/${landlordId}/users/${body.userId}/erasure`).set(bearer(staff)).expect(422);
    await http().delete(`/landlords/${landlordId}/users/${body.userId}`).set(bearer(admin)).expect(200);
    await http().post(`/landlords/${landlordId}/users/${body.userId}/erasure`).set(bearer(admin)).expect(403);
    await http().post(`/landlords/${landlordId}/users/${body.userId}/erasure`).set(bearer(staff)).expect(200);
    await http().post(`/landlords/${landlordId}/users/${body.userId}/erasure`).set(bearer(staff)).expect(200);
    const users = await http().get(`/landlords/${landlordId}/users`).set(bearer(admin)).expect(200);
    expect(users.body.find((u: { userId: string }) => u.userId === body.userId)).toEqual({
      userId: body.userId,
      role: 'letting-agent',
      status: 'removed',
      name: null,
      email: null,
      personalDataErased: true,
    });
    const history = await http().get(`/landlords/${landlordId}/history`).set(bearer(staff)).expect(200);
    expect(JSON.stringify(history.body)).not.toContain('Greta');
    expect(history.body.filter((e: { type: string }) => e.type === 'user-personal-data-erased')).toHaveLength(1);
  });

  test('letting guideline: versions from a date, history kept, If-Match guards edits, published for listings', async () => {
    const { landlordId, admin } = await onboard();
    const standard = { incomeMultiple: 3, noPaymentRemarks: true };
    await http().get(`/landlords/${landlordId}/guideline`).set(bearer(admin)).expect(404);
    const first = await http()
      .post(`/landlords/${landlordId}/guideline`)
      .set(bearer(admin))
      .send({ effectiveFrom: today, standard, byListingType: { youth: { minAge: 18, maxAge: 25, incomeMultiple: 2, noPaymentRemarks: true } }, reason: 'Our standard' })
      .expect(201);
    const etag = first.headers.etag;
    const later = addDays(today, 30);
    await http()
      .post(`/landlords/${landlordId}/guideline`)
      .set(bearer(admin))
      .set('if-match', etag)
      .send({ effectiveFrom: later, standard: { incomeMultiple: 2.5, maxHouseholdSize: 5, noPaymentRemarks: true }, reason: 'Lowered' })
      .expect(201);
    const stale = await http().post(`/landlords/${landlordId}/guideline`).set(bearer(admin)).set('if-match', etag).send({ effectiveFrom: later, standard, reason: 'Stale' }).expect(412);
    expect(stale.body.status).toBe(412);
    await http()
      .post(`/landlords/${landlordId}/guideline`)
      .set(bearer(admin))
      .send({ effectiveFrom: addDays(today, -1), standard, reason: 'Backdated' })
      .expect(422);

    const now = await http().get(`/landlords/${landlordId}/guideline`).set(bearer(admin)).expect(200);
    expect(now.body).toMatchObject({
      effectiveFrom: today,
      standard: { incomeMultiple: 3, maxHouseholdSize: null },
      prefill: { youth: { maxAge: 25 }, regular: { incomeMultiple: 3 } },
      scheduled: [{ effectiveFrom: later }],
    });
    expect((await http().get(`/landlords/${landlordId}/guideline?on=${later}`).set(bearer(admin)).expect(200)).body.standard.incomeMultiple).toBe(2.5);
    const history = await http().get(`/landlords/${landlordId}/guideline/history`).set(bearer(admin)).expect(200);
    expect(history.body.map((v: { reason: string }) => v.reason)).toEqual(['Our standard', 'Lowered']);

    const agentEmail = `agent-${randomUUID()}@example.se`;
    await http().post(`/landlords/${landlordId}/users`).set(bearer(admin)).send({ name: 'Agent', email: agentEmail, role: 'letting-agent', password: PASSWORD }).expect(201);
    const agent = await signIn(agentEmail);
    await http().get(`/landlords/${landlordId}/guideline`).set(bearer(agent)).expect(200);
    await http().post(`/landlords/${landlordId}/guideline`).set(bearer(agent)).send({ effectiveFrom: later, standard, reason: 'Agent' }).expect(403);

    const messages = await published(landlordId, [LettingGuidelineChangedV1.type], 2);
    expect(messages[0].payload).toEqual({
      landlordId,
      effectiveFrom: today,
      standard: { incomeMultiple: 3, maxHouseholdSize: null, minAge: null, maxAge: null, noPaymentRemarks: true },
      byListingType: { youth: { incomeMultiple: 2, maxHouseholdSize: null, minAge: 18, maxAge: 25, noPaymentRemarks: true } },
    });
  });

  test("the landlord's own view: listings with state, proposed applicants, letting and vacancy reports, CSV", async () => {
    const { landlordId, admin } = await onboard();
    const other = await onboard();
    const [letId, openId, withdrawnId, proposedId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const publishedOn = addDays(today, -40);
    const publish = (listingId: string, extra: Record<string, unknown> = {}) =>
      message(ListingPublishedV1.type, listingId, { ...flat(landlordId, listingId, extra), publishedOn, applicationDeadline: addDays(publishedOn, 14), moveInDate: addDays(today, 30) });
    const proposalId = randomUUID();
    const applicantId = randomUUID();
    const letting = message(ListingLetV1.type, letId, {
      ...flat(landlordId, letId),
      tenantApplicantId: randomUUID(),
      contractDate: addDays(today, -5),
      usesQueueTime: true,
      publishedOn,
      tenantQueueDays: 2100,
      applications: 311,
    });
    await infra.bus.publish([
      // The letting arrives before the publication: the row is complete either way.
      letting,
      publish(letId),
      publish(openId, { district: '=HYPERLINK("evil")', listingType: 'youth' }),
      publish(withdrawnId),
      publish(proposedId),
      message(ApplicationsClosedV1.type, proposedId, { listingId: proposedId, landlordId, closedOn: addDays(publishedOn, 14), applications: 900, eligible: 640 }),
      message(TenantProposedV1.type, proposedId, {
        proposalId,
        listingId: proposedId,
        landlordId,
        applicantId,
        place: 1,
        householdSize: 2,
        requirementsVerified: true,
        proposedAt: new Date().toISOString(),
      }),
      message(ListingWithdrawnV1.type, withdrawnId, { listingId: withdrawnId, landlordId, on: addDays(today, -2), reason: 'withdrawn-by-landlord' }),
      message(ListingPublishedV1.type, randomUUID(), { ...flat(other.landlordId, randomUUID()), publishedOn, applicationDeadline: today, moveInDate: today }),
    ]);
    await infra.bus.publish([{ ...letting, id: randomUUID() }]);
    const listings = await eventually(
      () =>
        http()
          .get(`/landlords/${landlordId}/listings`)
          .set(bearer(admin))
          .then((r) => r.body as Array<{ listingId: string; state: string }>),
      (rows) => rows.length === 4 && rows.some((r) => r.state === 'tenant-proposed') && rows.some((r) => r.state === 'withdrawn'),
    );
    const state = Object.fromEntries(listings.map((r) => [r.listingId, r.state]));
    expect(state).toEqual({ [letId]: 'let', [openId]: 'open', [withdrawnId]: 'withdrawn', [proposedId]: 'tenant-proposed' });
    expect((await http().get(`/landlords/${landlordId}/listings?state=open`).set(bearer(admin)).expect(200)).body).toHaveLength(1);
    const firstPage = (await http().get(`/landlords/${landlordId}/listings?limit=3`).set(bearer(admin)).expect(200)).body;
    const secondPage = (await http().get(`/landlords/${landlordId}/listings?limit=3&offset=3`).set(bearer(admin)).expect(200)).body;
    expect([...firstPage, ...secondPage].map((r: { listingId: string }) => r.listingId).sort()).toEqual(listings.map((r) => r.listingId).sort());

    const proposals = await http().get(`/landlords/${landlordId}/proposals?pending=true`).set(bearer(admin)).expect(200);
    expect(proposals.body).toEqual([expect.objectContaining({ proposalId, applicantId, place: 1, householdSize: 2, requirementsVerified: true, decision: null })]);
    await infra.bus.publish([message(ProposalDecidedV1.type, proposedId, { proposalId, listingId: proposedId, landlordId, decision: 'approved', reason: null, decidedAt: new Date().toISOString() })]);
    await eventually(
      () =>
        http()
          .get(`/landlords/${landlordId}/proposals?pending=true`)
          .set(bearer(admin))
          .then((r) => r.body as unknown[]),
      (rows) => rows.length === 0,
    );
    await infra.bus.publish([message(AccountClosedV1.type, applicantId, { applicantId, on: today })]);
    const afterClosing = await eventually(
      () =>
        http()
          .get(`/landlords/${landlordId}/proposals`)
          .set(bearer(admin))
          .then((r) => r.body as Array<{ proposalId: string; householdSize: number | null }>),
      (rows) => rows.some((r) => r.proposalId === proposalId && r.householdSize === null),
    );
    expect(afterClosing.find((r) => r.proposalId === proposalId)).toMatchObject({ applicantId, place: 1, householdSize: null, decision: 'approved' });

    const report = await http()
      .get(`/landlords/${landlordId}/reports/letting?from=${addDays(today, -60)}&to=${today}`)
      .set(bearer(admin))
      .expect(200);
    expect(report.body).toMatchObject({
      flatsLet: 1,
      daysToLet: { mean: 35, median: 35, min: 35, max: 35 },
      applicationsPerListing: { mean: 311 },
      listingsPublished: 4,
      byListingType: [{ listingType: 'regular', flatsLet: 1 }],
    });
    const vacancy = await http().get(`/landlords/${landlordId}/reports/vacancy`).set(bearer(admin)).expect(200);
    expect(vacancy.body).toMatchObject({ vacant: 2, daysVacant: { mean: 40 } });
    expect(
      (
        await http()
          .get(`/landlords/${landlordId}/reports/vacancy?on=${addDays(today, -3)}`)
          .set(bearer(admin))
          .expect(200)
      ).body.vacant,
    ).toBe(3);

    const csv = await http().get(`/landlords/${landlordId}/reports/vacancy?format=csv`).set(bearer(admin)).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toBe('listingId,listingType,municipality,district,rooms,areaM2,monthlyRent,publishedOn,daysVacant,applications,closedOn');
    expect(csv.text).toContain(`"'=HYPERLINK(""evil"")"`);
    const lettingCsv = await http()
      .get(`/landlords/${landlordId}/reports/letting?format=csv&from=${addDays(today, -60)}`)
      .set(bearer(admin))
      .expect(200);
    expect(lettingCsv.text.trim().split('\r\n')).toHaveLength(2);
    expect((await http().get(`/landlords/${other.landlordId}/listings`).set(bearer(other.admin)).expect(200)).body).toHaveLength(1);
    await http()
      .get(`/landlords/${landlordId}/reports/letting?from=${today}&to=${addDays(today, -1)}`)
      .set(bearer(admin))
      .expect(422);
  });

  test('cases from a landlord: registered, answered and closed by staff, the history seen by both', async () => {
    const { landlordId, admin } = await onboard();
    const { body } = await http()
      .post(`/landlords/${landlordId}/cases`)
      .set(bearer(admin))
      .send({ category: 'improvement', subject: 'Rent in the CSV export', description: 'Please add the rent per m²' })
      .expect(201);
    const caseId = body.caseId;
    await http().post(`/landlords/${landlordId}/cases/${caseId}/answer`).set(bearer(admin)).send({ text: 'Self-answered' }).expect(403);
    await http().post(`/landlords/${landlordId}/cases/${caseId}/answer`).set(bearer(staff)).send({ text: 'Planned for the spring release' }).expect(200);
    await http().post(`/landlords/${landlordId}/cases/${caseId}/messages`).set(bearer(admin)).send({ text: 'Thanks, and per district too?' }).expect(201);
    await http().post(`/landlords/${landlordId}/cases/${caseId}/close`).set(bearer(staff)).send({ text: 'Both delivered' }).expect(200);
    await http().post(`/landlords/${landlordId}/cases/${caseId}/messages`).set(bearer(admin)).send({ text: 'One more' }).expect(409);
    const seen = await http().get(`/landlords/${landlordId}/cases/${caseId}`).set(bearer(admin)).expect(200);
    expect(seen.body).toMatchObject({ status: 'closed', subject: 'Rent in the CSV export' });
    expect(seen.body.history.map((e: { type: string }) => e.type)).toEqual(['landlord-case-registered', 'landlord-case-answered', 'landlord-case-message-added', 'landlord-case-closed']);
    const staffView = await http().get(`/landlords/${landlordId}/cases/${caseId}`).set(bearer(staff)).expect(200);
    expect(staffView.body.history).toEqual(seen.body.history);
    const mine = await eventually(
      () =>
        http()
          .get(`/landlords/${landlordId}/cases`)
          .set(bearer(admin))
          .then((r) => r.body as Array<{ status: string }>),
      (rows) => rows[0]?.status === 'closed',
    );
    expect(mine).toHaveLength(1);
    const open = await eventually(
      () =>
        http()
          .get('/landlords/cases?status=closed')
          .set(bearer(staff))
          .then((r) => r.body as Array<{ caseId: string }>),
      (rows) => rows.some((r) => r.caseId === caseId),
    );
    expect(open.some((r) => r.caseId === caseId)).toBe(true);
  });

  describe('the command path (pinned before every write went through libs/command-handling)', () => {
    test('a stale If-Match is 412 problem details on the organisation, the agreement and the guideline, and changes nothing', async () => {
      const { landlordId, agreementId, admin } = await onboard();
      const { headers } = await http().get(`/landlords/${landlordId}`).set(bearer(admin)).expect(200);
      await http()
        .patch(`/landlords/${landlordId}/contact`)
        .set(bearer(admin))
        .send({ contact: { name: 'Nils Holm', email: 'nils@example.se' } })
        .expect(200);
      const refusals = [
        await http()
          .patch(`/landlords/${landlordId}/contact`)
          .set(bearer(admin))
          .set('if-match', headers.etag)
          .send({ contact: { name: 'Stale', email: 'stale@example.se' } }),
        await http().post(`/landlords/${landlordId}/agreements/${agreementId}/suspension`).set(bearer(staff)).set('if-match', headers.etag).send({ effectiveFrom: today, reason: 'Stale' }),
        await http()
          .post(`/landlords/${landlordId}/guideline`)
          .set(bearer(admin))
          .set('if-match', '"7"')
          .send({ effectiveFrom: today, standard: { incomeMultiple: 3, noPaymentRemarks: true }, reason: 'Stale' }),
      ];
      for (const refused of refusals) {
        expect(refused.status).toBe(412);
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(refused.body).toMatchObject({ status: 412, correlationId: expect.any(String) });
      }
      expect((await http().get(`/landlords/${landlordId}`).set(bearer(admin)).expect(200)).body).toMatchObject({ agreementStatus: 'active', contact: { name: 'Nils Holm' } });
    });

    test('a business rule refusal is 409 with the rule in its type', async () => {
      const { landlordId, agreementId } = await onboard();
      await http().post(`/landlords/${landlordId}/agreements/${agreementId}/termination`).set(bearer(staff)).send({ noticeDate: today, reason: 'Ends' }).expect(200);
      const again = await http().post(`/landlords/${landlordId}/agreements/${agreementId}/termination`).set(bearer(staff)).send({ noticeDate: today, reason: 'Ends' }).expect(409);
      expect(again.body).toMatchObject({ status: 409, type: 'https://bostadsko.se/problems/landlords/already-terminated' });
    });

    test('writers racing on one organisation without If-Match all succeed, each decided on what the others wrote', async () => {
      const { landlordId, admin } = await onboard();
      const emails = [1, 2, 3, 4].map((n) => `agent-${n}-${randomUUID()}@example.se`);
      await Promise.all(emails.map((email) => http().post(`/landlords/${landlordId}/users`).set(bearer(admin)).send({ name: 'Agent', email, role: 'letting-agent', password: PASSWORD }).expect(201)));
      const users = (await infra.store.readStream(`landlord-${landlordId}`)).filter((e) => e.type === 'user-added');
      expect(users).toHaveLength(1 + emails.length);
    });

    test('a retry after the answer was lost (killed between the append and recording it) gets the first answer, one landlord', async () => {
      const body = { name: 'Förlorat Svar AB', organisationNumber: orgNumber(), contact: { name: 'Karin Holm', email: 'karin@example.se' } };
      const first = await http().post('/landlords').set('idempotency-key', 'interest-lost-1').send(body).expect(201);
      // What a kill -9 after the append leaves: a claim with no outcome whose owner is gone.
      await infra.pool.query('UPDATE platform.idempotency_keys SET status = NULL, body = NULL, owner = NULL WHERE key = $1', ['interest-lost-1']);
      const retry = await http().post('/landlords').set('idempotency-key', 'interest-lost-1').send(body).expect(201);
      expect(retry.body).toEqual(first.body);
      expect((await infra.store.readStream(`landlord-${first.body.landlordId}`)).map((e) => e.type)).toEqual(['landlord-registered']);
      const again = await http().post('/landlords').set('idempotency-key', 'interest-lost-2').send(body).expect(409);
      expect(again.body.type).toBe('https://bostadsko.se/problems/landlords/already-registered');
    });

    /** What a kill -9 after the append leaves: a claim with no outcome whose owner is gone. */
    const loseAnswer = (key: string) => infra.pool.query('UPDATE platform.idempotency_keys SET status = NULL, body = NULL, owner = NULL WHERE key = $1', [key]);

    test('a case registered again after its answer was lost is the same case, one stream', async () => {
      const { landlordId, admin } = await onboard();
      const key = `case-lost-${randomUUID()}`;
      const send = () => http().post(`/landlords/${landlordId}/cases`).set(bearer(admin)).set('idempotency-key', key).send({ category: 'question', subject: 'Lost', description: 'once' });
      const first = await send().expect(201);
      await loseAnswer(key);
      const retry = await send().expect(201);
      expect(retry.headers['idempotent-replayed']).toBeUndefined();
      expect(retry.body).toEqual(first.body);
      const registered = await infra.pool.query(`SELECT stream_id FROM es.events WHERE type = 'landlord-case-registered' AND data->>'landlordId' = $1`, [landlordId]);
      expect(registered.rows).toEqual([{ stream_id: `landlord_case-${first.body.caseId}` }]);
    });

    test('a user added again after the answer was lost is the same user, added once', async () => {
      const { landlordId, admin } = await onboard();
      const key = `user-lost-${randomUUID()}`;
      const email = `agent-${randomUUID()}@example.se`;
      const send = () => http().post(`/landlords/${landlordId}/users`).set(bearer(admin)).set('idempotency-key', key).send({ name: 'Agent', email, role: 'letting-agent', password: PASSWORD });
      const first = await send().expect(201);
      await loseAnswer(key);
      const retry = await send().expect(201);
      expect(retry.body).toEqual(first.body);
      expect((await infra.store.readStream(`landlord-${landlordId}`)).filter((e) => e.type === 'user-added')).toHaveLength(2);
    });

    test('appended events carry the request’s correlation id, and it as their cause', async () => {
      const { landlordId, admin } = await onboard();
      await http()
        .patch(`/landlords/${landlordId}/contact`)
        .set(bearer(admin))
        .set('x-correlation-id', 'pinned-correlation-2')
        .send({ contact: { name: 'Nils Holm', email: 'nils@example.se' } })
        .expect(200);
      const last = (await infra.store.readStream(`landlord-${landlordId}`)).at(-1)!;
      expect(last.metadata).toMatchObject({ correlationId: 'pinned-correlation-2', causationId: 'pinned-correlation-2', actor: expect.any(String) });
    });
  });

  test('a retried command with the same Idempotency-Key is answered once', async () => {
    const { landlordId, admin } = await onboard();
    const send = () => http().post(`/landlords/${landlordId}/cases`).set(bearer(admin)).set('idempotency-key', 'case-7').send({ category: 'question', subject: 'Retry', description: 'once' });
    const first = await send().expect(201);
    const again = await send().expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(
      await eventually(
        () =>
          http()
            .get(`/landlords/${landlordId}/cases`)
            .set(bearer(admin))
            .then((r) => r.body as unknown[]),
        (rows) => rows.length >= 1,
      ),
    ).toHaveLength(1);
  });

  test("another landlord's token: every endpoint refuses with problem details and nothing changes", async () => {
    const a = await onboard('Landlord A');
    const b = await onboard('Landlord B');
    const caseId = (await http().post(`/landlords/${a.landlordId}/cases`).set(bearer(a.admin)).send({ category: 'question', subject: 'Secret', description: 'A only' }).expect(201)).body.caseId;
    const userId = (await http().get('/landlords/me').set(bearer(a.admin)).expect(200)).body.userId;
    const before = (await infra.store.readStream(`landlord-${a.landlordId}`)).length;
    const id = a.landlordId;
    const calls: Array<[string, () => request.Test]> = [
      ['GET organisation', () => http().get(`/landlords/${id}`)],
      ['GET agreement status', () => http().get(`/landlords/${id}/agreement-status`)],
      ['GET history', () => http().get(`/landlords/${id}/history`)],
      [
        'PATCH contact',
        () =>
          http()
            .patch(`/landlords/${id}/contact`)
            .send({ contact: { name: 'Evil', email: 'evil@example.se' } }),
      ],
      ['POST termination', () => http().post(`/landlords/${id}/agreements/${a.agreementId}/termination`).send({ noticeDate: today, reason: 'Hostile' })],
      ['POST suspension', () => http().post(`/landlords/${id}/agreements/${a.agreementId}/suspension`).send({ effectiveFrom: today, reason: 'Hostile' })],
      ['POST reinstatement', () => http().post(`/landlords/${id}/agreements/${a.agreementId}/reinstatement`).send({ effectiveFrom: today, reason: 'Hostile' })],
      ['POST agreement', () => http().post(`/landlords/${id}/agreements`).send({ effectiveFrom: today, terms: 'Hostile' })],
      [
        'POST first administrator',
        () =>
          http()
            .post(`/landlords/${id}/users/first-administrator`)
            .send({ name: 'E', email: `e-${randomUUID()}@example.se`, password: PASSWORD }),
      ],
      [
        'POST user',
        () =>
          http()
            .post(`/landlords/${id}/users`)
            .send({ name: 'E', email: `e-${randomUUID()}@example.se`, role: 'administrator', password: PASSWORD }),
      ],
      ['GET users', () => http().get(`/landlords/${id}/users`)],
      ['DELETE user', () => http().delete(`/landlords/${id}/users/${userId}`)],
      ['POST user erasure', () => http().post(`/landlords/${id}/users/${userId}/erasure`)],
      ['GET guideline', () => http().get(`/landlords/${id}/guideline`)],
      ['GET guideline history', () => http().get(`/landlords/${id}/guideline/history`)],
      [
        'POST guideline',
        () =>
          http()
            .post(`/landlords/${id}/guideline`)
            .send({ effectiveFrom: today, standard: { noPaymentRemarks: false }, reason: 'Hostile' }),
      ],
      ['GET listings', () => http().get(`/landlords/${id}/listings`)],
      ['GET proposals', () => http().get(`/landlords/${id}/proposals`)],
      ['GET letting report', () => http().get(`/landlords/${id}/reports/letting`)],
      ['GET vacancy report', () => http().get(`/landlords/${id}/reports/vacancy?format=csv`)],
      ['POST case', () => http().post(`/landlords/${id}/cases`).send({ category: 'question', subject: 'Hostile', description: 'x' })],
      ['GET cases', () => http().get(`/landlords/${id}/cases`)],
      ['GET case', () => http().get(`/landlords/${id}/cases/${caseId}`)],
      ['POST case message', () => http().post(`/landlords/${id}/cases/${caseId}/messages`).send({ text: 'Hostile' })],
      ['POST case answer', () => http().post(`/landlords/${id}/cases/${caseId}/answer`).send({ text: 'Hostile' })],
      ['POST case close', () => http().post(`/landlords/${id}/cases/${caseId}/close`).send({ text: 'Hostile' })],
      ['GET all landlords', () => http().get('/landlords')],
      ['GET all cases', () => http().get('/landlords/cases')],
    ];
    for (const [name, call] of calls) {
      const response = await call().set(bearer(b.admin));
      expect({ name, status: response.status, type: response.headers['content-type'] }).toEqual({ name, status: 403, type: expect.stringContaining('application/problem+json') });
      expect(JSON.stringify(response.body)).not.toMatch(/Secret|Karin/);
    }
    // B's case routes cannot reach A's case through B's own landlord id either.
    await http().get(`/landlords/${b.landlordId}/cases/${caseId}`).set(bearer(b.admin)).expect(404);
    await http().post(`/landlords/${b.landlordId}/cases/${caseId}/messages`).set(bearer(b.admin)).send({ text: 'Sneaky' }).expect(404);
    expect((await infra.store.readStream(`landlord-${a.landlordId}`)).length).toBe(before);
    expect(await infra.store.readStream(`letting_guideline-${a.landlordId}`)).toHaveLength(0);
    expect(await infra.store.readStream(`landlord_case-${caseId}`)).toHaveLength(1);
    // An analyst is not a landlord: no way in either.
    const analyst = (await http().post('/auth/token').send({ username: 'analyst@test.se', password: 'Analyst-pass-1' }).expect(200)).body.access_token;
    await http().get(`/landlords/${id}/reports/letting`).set(bearer(analyst)).expect(403);
  });

  test('bad input on every endpoint: problem details naming the field, nothing written', async () => {
    const { landlordId, agreementId, admin } = await onboard();
    const caseId = (await http().post(`/landlords/${landlordId}/cases`).set(bearer(admin)).send({ category: 'question', subject: 'Valid', description: 'x' }).expect(201)).body.caseId;
    const before = (await infra.store.readStream(`landlord-${landlordId}`)).length;
    const id = landlordId;
    const cases: Array<[string, request.Test, number, string?]> = [
      ['register: no contact', http().post('/landlords').send({ name: 'X AB', organisationNumber: orgNumber() }), 400, 'contact'],
      [
        'register: unknown field',
        http()
          .post('/landlords')
          .send({ name: 'X AB', organisationNumber: orgNumber(), contact: { name: 'a', email: 'a@example.se' }, admin: true }),
        400,
        'admin',
      ],
      ['register: array body', http().post('/landlords').send([1, 2]), 400],
      ['register: broken JSON', http().post('/landlords').set('content-type', 'application/json').send('{"name":'), 400],
      ['sign-in: not an e-mail', http().post('/landlords/sign-in').send({ email: "' OR 1=1 --", password: 'x' }), 400, 'email'],
      ['organisation: not a uuid', http().get('/landlords/not-a-uuid').set(bearer(staff)), 400],
      ['organisation: unknown', http().get(`/landlords/${randomUUID()}`).set(bearer(staff)), 404],
      ['list: unknown status', http().get('/landlords?status=bogus').set(bearer(staff)), 400, 'status'],
      ['status: bad date', http().get(`/landlords/${id}/agreement-status?on=2026-02-30`).set(bearer(admin)), 400, 'on'],
      [
        'contact: bad e-mail',
        http()
          .patch(`/landlords/${id}/contact`)
          .set(bearer(admin))
          .send({ contact: { name: 'a', email: 'nope' } }),
        400,
        'contact.email',
      ],
      [
        'contact: bad If-Match',
        http()
          .patch(`/landlords/${id}/contact`)
          .set(bearer(admin))
          .set('if-match', 'W/nonsense')
          .send({ contact: { name: 'a', email: 'a@example.se' } }),
        400,
        'If-Match',
      ],
      [
        'contact: stale If-Match',
        http()
          .patch(`/landlords/${id}/contact`)
          .set(bearer(admin))
          .set('if-match', '"0"')
          .send({ contact: { name: 'a', email: 'a@example.se' } }),
        412,
      ],
      ['agreement: no terms', http().post(`/landlords/${id}/agreements`).set(bearer(staff)).send({ effectiveFrom: today }), 400, 'terms'],
      ['suspension: bad date', http().post(`/landlords/${id}/agreements/${agreementId}/suspension`).set(bearer(staff)).send({ effectiveFrom: '24/11/2026', reason: 'x y z' }), 400, 'effectiveFrom'],
      ['suspension: unknown agreement', http().post(`/landlords/${id}/agreements/${randomUUID()}/suspension`).set(bearer(staff)).send({ effectiveFrom: today, reason: 'x y z' }), 404],
      ['reinstatement: active agreement', http().post(`/landlords/${id}/agreements/${agreementId}/reinstatement`).set(bearer(staff)).send({ effectiveFrom: today, reason: 'x y z' }), 422],
      ['termination: no reason', http().post(`/landlords/${id}/agreements/${agreementId}/termination`).set(bearer(admin)).send({ noticeDate: today }), 400, 'reason'],
      [
        'first administrator: short password',
        http().post(`/landlords/${id}/users/first-administrator`).set(bearer(staff)).send({ name: 'A', email: 'short@example.se', password: 'short' }),
        400,
        'password',
      ],
      ['user: unknown role', http().post(`/landlords/${id}/users`).set(bearer(admin)).send({ name: 'A', email: 'role@example.se', role: 'owner', password: PASSWORD }), 400, 'role'],
      ['user removal: unknown user', http().delete(`/landlords/${id}/users/${randomUUID()}`).set(bearer(admin)), 404],
      ['user removal: not a uuid', http().delete(`/landlords/${id}/users/42`).set(bearer(admin)), 400],
      [
        'guideline: household 0',
        http()
          .post(`/landlords/${id}/guideline`)
          .set(bearer(admin))
          .send({ effectiveFrom: today, standard: { maxHouseholdSize: 0, noPaymentRemarks: true }, reason: 'x y z' }),
        400,
        'standard.maxHouseholdSize',
      ],
      [
        'guideline: unknown listing type',
        http()
          .post(`/landlords/${id}/guideline`)
          .set(bearer(admin))
          .send({ effectiveFrom: today, standard: { noPaymentRemarks: true }, byListingType: { castle: { noPaymentRemarks: true } }, reason: 'x y z' }),
        400,
        'byListingType',
      ],
      [
        'guideline: ages upside down',
        http()
          .post(`/landlords/${id}/guideline`)
          .set(bearer(admin))
          .send({ effectiveFrom: today, standard: { minAge: 60, maxAge: 20, noPaymentRemarks: true }, reason: 'x y z' }),
        422,
      ],
      ['guideline: bad date', http().get(`/landlords/${id}/guideline?on=tomorrow`).set(bearer(admin)), 400, 'on'],
      ['listings: unknown state', http().get(`/landlords/${id}/listings?state=sold`).set(bearer(admin)), 400, 'state'],
      ['listings: unknown format', http().get(`/landlords/${id}/listings?format=xlsx`).set(bearer(admin)), 400, 'format'],
      ['listings: limit too large', http().get(`/landlords/${id}/listings?limit=100000`).set(bearer(admin)), 400, 'limit'],
      ['listings: negative offset', http().get(`/landlords/${id}/listings?offset=-1`).set(bearer(admin)), 400, 'offset'],
      ['proposals: pending not a boolean', http().get(`/landlords/${id}/proposals?pending=maybe`).set(bearer(admin)), 400, 'pending'],
      ['history: not a uuid', http().get('/landlords/x/history').set(bearer(staff)), 400],
      ['users: unknown landlord', http().get(`/landlords/${randomUUID()}/users`).set(bearer(staff)), 404],
      ['guideline history: unknown landlord', http().get(`/landlords/${randomUUID()}/guideline/history`).set(bearer(staff)), 404],
      ['termination: agreement not a uuid', http().post(`/landlords/${id}/agreements/1/termination`).set(bearer(admin)).send({ noticeDate: today, reason: 'x y z' }), 400],
      ['landlord cases: unknown status', http().get(`/landlords/${id}/cases?status=gone`).set(bearer(admin)), 400, 'status'],
      ['proposals: listing not a uuid', http().get(`/landlords/${id}/proposals?listingId=1`).set(bearer(admin)), 400, 'listingId'],
      ['letting report: bad from', http().get(`/landlords/${id}/reports/letting?from=2026-13-01`).set(bearer(admin)), 400, 'from'],
      ['letting report: ten years', http().get(`/landlords/${id}/reports/letting?from=2016-01-01&to=${today}`).set(bearer(admin)), 422],
      ['vacancy report: bad date', http().get(`/landlords/${id}/reports/vacancy?on=x`).set(bearer(admin)), 400, 'on'],
      ['case: unknown category', http().post(`/landlords/${id}/cases`).set(bearer(admin)).send({ category: 'complaint', subject: 'x y z', description: 'x' }), 400, 'category'],
      ['case: unknown', http().get(`/landlords/${id}/cases/${randomUUID()}`).set(bearer(admin)), 404],
      ['case message: empty', http().post(`/landlords/${id}/cases/${caseId}/messages`).set(bearer(admin)).send({ text: '' }), 400, 'text'],
      ['case answer: no text', http().post(`/landlords/${id}/cases/${caseId}/answer`).set(bearer(staff)).send({}), 400, 'text'],
      ['case close: unknown case', http().post(`/landlords/${id}/cases/${randomUUID()}/close`).set(bearer(staff)).send({ text: 'x' }), 404],
      ['password: too short', http().post('/landlords/me/password').set(bearer(admin)).send({ currentPassword: PASSWORD, newPassword: 'short' }), 400, 'newPassword'],
      ['password: staff has none here', http().post('/landlords/me/password').set(bearer(staff)).send({ currentPassword: PASSWORD, newPassword: 'a long new password' }), 403],
      ['erasure: unknown user', http().post(`/landlords/${id}/users/${randomUUID()}/erasure`).set(bearer(staff)), 404],
      ['cases: unknown status', http().get('/landlords/cases?status=lost').set(bearer(staff)), 400, 'status'],
      ['no token', http().get(`/landlords/${id}`), 401],
      ['forged token', http().get(`/landlords/${id}`).set('authorization', 'Bearer abc.def.ghi'), 401],
      [
        'Idempotency-Key malformed',
        http().post(`/landlords/${id}/cases`).set(bearer(admin)).set('idempotency-key', 'spaces are bad').send({ category: 'question', subject: 'x y z', description: 'x' }),
        400,
        'Idempotency-Key',
      ],
    ];
    for (const [name, call, status, field] of cases) {
      const response = await call;
      expect({ name, status: response.status, type: response.headers['content-type'] }).toEqual({ name, status, type: expect.stringContaining('application/problem+json') });
      if (field) expect({ name, fields: (response.body.errors ?? []).map((e: { field: string }) => e.field) }).toEqual({ name, fields: expect.arrayContaining([field]) });
    }
    expect((await infra.store.readStream(`landlord-${landlordId}`)).length).toBe(before);
    expect(await infra.store.readStream(`letting_guideline-${landlordId}`)).toHaveLength(0);
    expect(await infra.store.readStream(`landlord_case-${caseId}`)).toHaveLength(1);
  });

  test('the TypeORM entities say what the read-model tables hold', async () => {
    expect(await entityDrift(infra.pool, LANDLORDS_ENTITIES)).toEqual([]);
  });

  test('every projection rebuilt from the log equals the one built live', async () => {
    await expectRebuildToEqualLive(infra, landlordsRebuildTargets);
  });

  test('the demo landlord for npm start: seeded once, completed on a re-run, its administrator signs in', async () => {
    await app.listen(0, '127.0.0.1');
    const base = await app.getUrl();
    const lines: string[] = [];
    const seeds = 'staff:staff@test.se:Staff-pass-1';
    await seedDemoLandlord((line) => lines.push(line), seeds, base);
    await eventually(
      () =>
        http()
          .get('/landlords')
          .set(bearer(staff))
          .then((r) => r.body as Array<{ name: string }>),
      (rows) => rows.some((r) => r.name === 'Demo Bostäder AB'),
    );
    await seedDemoLandlord((line) => lines.push(line), seeds, base);
    expect(lines).toEqual([expect.stringContaining('created'), expect.stringContaining('already there')]);
    const [email, password] = DEMO_LANDLORD_SIGN_IN.split(' / ');
    const token = (await http().post('/landlords/sign-in').send({ email, password }).expect(200)).body.access_token;
    const me = (await http().get('/landlords/me').set(bearer(token)).expect(200)).body;
    const organisation = await http().get(`/landlords/${me.landlordId}`).set(bearer(token)).expect(200);
    expect(organisation.body).toMatchObject({ name: 'Demo Bostäder AB', canPublishToday: true, users: { active: 1 } });
    expect((await http().get(`/landlords/${me.landlordId}/guideline`).set(bearer(token)).expect(200)).body.prefill.youth).toMatchObject({ minAge: 18, maxAge: 25 });
  });

  test('the OpenAPI document lists the landlord endpoints', async () => {
    const doc = await http().get('/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/landlords', '/landlords/sign-in', '/landlords/{landlordId}/agreements/{agreementId}/termination', '/landlords/{landlordId}/reports/letting']),
    );
  });
});
