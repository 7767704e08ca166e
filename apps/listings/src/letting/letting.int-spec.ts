import { jest } from '@jest/globals';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { IntegrationMessage } from '@bostadsko/bus';
import { LettingCancelledV1, ListingLetV1, ProposalDecidedV1, TenantProposedV1 } from '@bostadsko/contracts';
import { PERSONAL_DATA_MIGRATIONS, PersonalDataVault } from '@bostadsko/personal-data';
import { createTestApp, PlatformModule, TokenService } from '@bostadsko/platform';
import { ChangePolicyHandler } from '@bostadsko/policy';
import { EventSourcingModule, INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { eventually } from '../../../../test/support/eventually.js';
import { freshDatabase } from '../../../../test/support/fresh-database.js';
import { blockedUntil } from '../applications/seeker.decider.js';
import { SeekerHandler } from '../applications/seeker.stream.js';
import { ListingCoreModule } from '../listing-core.module.js';
import type { ListingEvent, RankedApplicant } from '../listing/listing.events.js';
import type { SeekerEvent } from '../applications/seeker.events.js';
import { VAULT } from '../listings.tokens.js';
import { Clock } from '@bostadsko/clock';
import { DEFAULT_POLICY } from '../policy/listing-policy.js';
import { lettingIntegrationMessages } from './letting.integration.js';
import { LettingModule } from './letting.module.js';
import { LettingFollowUpRunner } from './letting.follow-up.runner.js';
import { lettingParticipantsProjection } from './letting-participants.projection.js';
import { listingsRebuildTargets } from '../listings.rebuild.js';
import { expectRebuildToEqualLive } from '@bostadsko/testing';

const eventSourcing = EventSourcingModule.forRoot({
  app: 'listings',
  migrations: [...PERSONAL_DATA_MIGRATIONS],
  integration: (infra) => lettingIntegrationMessages(new PersonalDataVault(infra.pool)),
  projections: [lettingParticipantsProjection],
});

// As the app wires it: commands (a policy change among them) go through the CommandBus; the follow-ups run as the app's wiring runs them.
@Module({
  imports: [PlatformModule.forRoot({ name: 'listings' }), eventSourcing, CqrsModule.forRoot(), ListingCoreModule.register(eventSourcing), LettingModule],
  providers: [ChangePolicyHandler, LettingFollowUpRunner],
})
class LettingTestModule {}

/** The business clock the app sees: moved forward by the test to pass deadlines, never waited on. */
let now = new Date('2030-03-01T08:00:00Z');
const setToday = (date: string) => (now = new Date(`${date}T08:00:00Z`));

const declaration = { householdSize: 2, taxableIncome: 400_000, nonTaxableIncome: 0, hasPaymentRemarks: false };
const goodCertificates = { certificatesReceivedOn: '2030-03-05', householdSize: 2, taxableIncome: 360_000, nonTaxableIncome: 0, birthDate: '1990-05-05', hasPaymentRemarks: false };

describe('letting over HTTP on real PostgreSQL', () => {
  let app: NestFastifyApplication;
  let infra: Infrastructure;
  let vault: PersonalDataVault;
  let tokens: TokenService;
  let staff: string;
  const http = () => request(app.getHttpServer());
  const bearer = (token: string) => `Bearer ${token}`;
  const published: IntegrationMessage[] = [];

  const token = async (id: string, roles: ('applicant' | 'landlord')[], landlordId?: string) => (await tokens.issue({ id, roles, ...(landlordId && { landlordId }) })).access_token;

  interface Seeker {
    applicantId: string;
    applicationId: string;
    token: string;
  }

  /** A published listing ranked at its deadline, with `count` eligible seekers who applied (streams written as the listings app writes them). */
  async function rankedListing(count: number, listingType: 'regular' | 'short-term' = 'regular') {
    const listingId = randomUUID();
    const landlordId = randomUUID();
    const seekers: Seeker[] = [];
    for (let i = 0; i < count; i++) {
      const applicantId = randomUUID();
      const applicationId = randomUUID();
      const submitted: SeekerEvent = {
        type: 'application-submitted',
        data: { applicationId, listingId, submittedAt: '2030-02-20T10:00:00Z', declaration: await vault.seal(applicantId, declaration) },
      };
      await infra.store.append(`listing-seeker-${applicantId}`, [{ id: randomUUID(), type: submitted.type, schemaVersion: 1, data: submitted.data, metadata: { correlationId: 'seed' } }], 'any');
      seekers.push({ applicantId, applicationId, token: await token(applicantId, ['applicant']) });
    }
    const ranking: RankedApplicant[] = seekers.map((s, i) => ({
      place: i + 1,
      applicationId: s.applicationId,
      applicantId: s.applicantId,
      queueDays: 3000 - i * 10,
      queueStartDate: '2022-01-01',
      appliedAt: '2030-02-20T10:00:00Z',
    }));
    const events: ListingEvent[] = [
      {
        type: 'listing-published',
        data: {
          listingId,
          landlordId,
          publishedBy: 'landlord-user',
          publishedAt: '2030-02-01T08:00:00Z',
          publishedOn: '2030-02-01',
          flat: { address: 'Storgatan 1', municipality: 'Göteborg', district: 'Majorna', rooms: 2, areaM2: 54, monthlyRent: 10_000, floor: 2, lift: true, moveInDate: '2030-04-01', listingType },
          requirements: { incomeMultiple: 3, maxHouseholdSize: 3, minAge: null, maxAge: null, noPaymentRemarks: true },
          applicationDeadline: '2030-02-28',
        },
      },
      {
        type: 'applications-ranked',
        data: { rankedAt: '2030-03-01T00:05:00Z', deadline: '2030-02-28', landlordId, policy: { ...DEFAULT_POLICY }, method: 'queue-days', ranking, excluded: [], applications: count },
      },
    ];
    await infra.store.append(
      `listing-${listingId}`,
      events.map((e) => ({ id: randomUUID(), type: e.type, schemaVersion: 1, data: e.data, metadata: { correlationId: 'seed' } })),
      'no_stream',
    );
    return { listingId, landlordId, seekers, landlord: await token(randomUUID(), ['landlord'], landlordId) };
  }

  const schedule = (listingId: string, as: string, day = '2030-03-03') =>
    http()
      .post(`/listings/${listingId}/showings`)
      .set('authorization', bearer(as))
      .send({
        slots: [
          { startsAt: `${day}T16:00:00Z`, endsAt: `${day}T16:30:00Z` },
          { startsAt: `${day}T16:30:00Z`, endsAt: `${day}T17:00:00Z` },
        ],
      });
  const answer = (seeker: Seeker, interested: boolean) => http().post(`/applications/${seeker.applicationId}/interest`).set('authorization', bearer(seeker.token)).send({ interested });
  const verify = (listingId: string, seeker: Seeker, certificates = goodCertificates) =>
    http()
      .post(`/listings/${listingId}/letting/verification`)
      .set('authorization', bearer(staff))
      .send({ applicationId: seeker.applicationId, ...certificates });
  const seekerEvents = async (applicantId: string) => (await infra.store.readStream(`listing-seeker-${applicantId}`)).map((e) => e as unknown as SeekerEvent);

  beforeAll(async () => {
    process.env.JWT_SECRET = 'letting-int-secret-long-enough-for-hs256-0123456789';
    process.env.SEED_ACCOUNTS = 'staff:staff@test.se:Staff-pass-1,admin:admin@test.se:Admin-pass-1';
    process.env.DATABASE_URL = await freshDatabase('letting');
    process.env.LETTING_JOB_INTERVAL_MINUTES = '0';
    delete process.env.BUS_DATABASE_URL;
    app = await createTestApp(LettingTestModule);
    jest.spyOn(app.get(Clock), 'now').mockImplementation(() => now);
    infra = app.get(INFRASTRUCTURE);
    vault = app.get(VAULT);
    tokens = app.get(TokenService);
    staff = (await http().post('/auth/token').send({ username: 'staff@test.se', password: 'Staff-pass-1' }).expect(200)).body.access_token;
    await infra.bus.consume({ group: `probe-${randomUUID()}`, topics: [TenantProposedV1.type, ProposalDecidedV1.type, ListingLetV1.type, LettingCancelledV1.type] }, async (m) => {
      published.push(m);
    });
  });

  afterAll(() => app?.close());

  test('showing, interest, a failed verification, a rejection with reason, the next showing, approval, signing: let, listing closed, other applications withdrawn, events published', async () => {
    setToday('2030-03-01');
    const { listingId, landlordId, seekers, landlord } = await rankedListing(12);
    const strangerLandlord = await token(randomUUID(), ['landlord'], randomUUID());
    await schedule(listingId, strangerLandlord).expect(403);
    await schedule(listingId, seekers[0].token).expect(403);

    const showing = await schedule(listingId, landlord).expect(201);
    expect(showing.body).toMatchObject({ invited: 10, answerBy: '2030-03-06' });
    expect(showing.body.invitations).toBeUndefined();
    expect(showing.headers.etag).toMatch(/^"\d+"$/);

    const mine = await http().get(`/applications/${seekers[0].applicationId}/invitation`).set('authorization', bearer(seekers[0].token)).expect(200);
    expect(mine.body).toMatchObject({ place: 1, of: 12, invitation: { answerBy: '2030-03-06', answer: 'pending', slot: { startsAt: '2030-03-03T16:00:00.000Z' } } });
    await http().get(`/applications/${seekers[0].applicationId}/invitation`).set('authorization', bearer(seekers[1].token)).expect(404);
    await http()
      .get(`/applications/${seekers[10].applicationId}/invitation`)
      .set('authorization', bearer(seekers[10].token))
      .expect(200)
      .expect((r) => expect(r.body.outcome).toBe('not invited yet'));

    setToday('2030-03-04');
    expect((await answer(seekers[0], true).expect(200)).body).toMatchObject({ answer: 'interested', outcome: 'verification', certificatesDue: '2030-03-11' });
    await answer(seekers[1], true).expect(200);
    await answer(seekers[2], false).expect(200);
    const changeOfMind = await answer(seekers[2], true).expect(409);
    expect(changeOfMind.body).toMatchObject({ status: 409, type: 'https://bostadsko.se/problems/letting/already-answered' });

    const toVerify = await http().get(`/listings/${listingId}/letting/verification`).set('authorization', bearer(staff)).expect(200);
    expect(toVerify.body).toMatchObject({ applicationId: seekers[0].applicationId, place: 1, declared: declaration, requirements: { incomeMultiple: 3 } });
    await http().get(`/listings/${listingId}/letting/verification`).set('authorization', bearer(landlord)).expect(403);

    setToday('2030-03-05');
    const failed = await verify(listingId, seekers[0], { ...goodCertificates, taxableIncome: 359_999 }).expect(200);
    expect(failed.body).toMatchObject({ outcome: 'verification-failed', proposalId: null });
    expect(failed.body.checks).toContainEqual(expect.objectContaining({ requirement: 'income', passed: false }));
    const verified = await verify(listingId, seekers[1]).expect(200);
    expect(verified.body).toMatchObject({ outcome: 'applicant-verified' });
    const firstProposal = verified.body.proposalId as string;

    const proposals = await http().get(`/listings/${listingId}/proposals`).set('authorization', bearer(landlord)).expect(200);
    expect(proposals.body).toEqual([expect.objectContaining({ proposalId: firstProposal, place: 2, householdSize: 2, status: 'awaiting-decision' })]);
    expect(JSON.stringify(proposals.body)).not.toContain(seekers[0].applicantId);
    await http().get(`/listings/${listingId}/proposals`).set('authorization', bearer(strangerLandlord)).expect(403);

    await http().post(`/listings/${listingId}/proposals/${firstProposal}/reject`).set('authorization', bearer(landlord)).send({}).expect(400);
    await http().post(`/listings/${listingId}/proposals/${firstProposal}/approve`).set('authorization', bearer(staff)).expect(403);
    await http().post(`/listings/${listingId}/proposals/${firstProposal}/approve`).set('authorization', bearer(strangerLandlord)).expect(403);
    await http().post(`/listings/${listingId}/proposals/${firstProposal}/reject`).set('authorization', bearer(landlord)).send({ reason: 'Unpaid rent with the previous landlord' }).expect(200);

    // The relay opened the sealed household size for the landlords app; once the rejected applicant is erased, it is gone from the proposal here too.
    const proposedMessage = await eventually(
      async () => published.find((m) => m.key === listingId && m.type === TenantProposedV1.type),
      (m) => m !== undefined,
    );
    expect(TenantProposedV1.parse(proposedMessage!.payload)).toMatchObject({ proposalId: firstProposal, householdSize: 2 });
    await vault.erase(seekers[1].applicantId);
    const afterErasure = await http().get(`/listings/${listingId}/proposals`).set('authorization', bearer(landlord)).expect(200);
    expect(afterErasure.body).toEqual([expect.objectContaining({ proposalId: firstProposal, householdSize: null, status: 'rejected' })]);

    // No answer by the deadline counts as no; with no one interested left, the landlord invites the next ones.
    setToday('2030-03-07');
    const advanced = await http().post(`/listings/${listingId}/letting/advance`).set('authorization', bearer(staff)).expect(200);
    expect(advanced.body.recorded.filter((t: string) => t === 'invitation-expired')).toHaveLength(7);
    const second = await schedule(listingId, landlord, '2030-03-08').expect(201);
    expect(second.body).toMatchObject({ invited: 2 });
    await answer(seekers[10], true).expect(200);
    await answer(seekers[11], true).expect(200);
    await verify(listingId, seekers[10], { ...goodCertificates, certificatesReceivedOn: '2030-03-07' }).expect(200);

    const state = await http().get(`/listings/${listingId}/letting`).set('authorization', bearer(landlord)).expect(200);
    const secondProposal = state.body.proposals.find((p: { status: string }) => p.status === 'awaiting-decision').proposalId as string;
    expect(state.body.proposals.find((p: { proposalId: string }) => p.proposalId === firstProposal)).toMatchObject({ status: 'rejected', reason: 'Unpaid rent with the previous landlord' });
    await http().post(`/listings/${listingId}/proposals/${secondProposal}/approve`).set('authorization', bearer(landlord)).set('if-match', '"0"').expect(412);
    await http().post(`/listings/${listingId}/proposals/${secondProposal}/approve`).set('authorization', bearer(landlord)).set('if-match', state.headers.etag).expect(200);
    await http().post(`/listings/${listingId}/proposals/${secondProposal}/contract`).set('authorization', bearer(landlord)).send({ contractDate: '2030-13-01' }).expect(400);
    const tenant = seekers[10];
    const elsewhere = randomUUID();
    await infra.store.append(
      `listing-seeker-${tenant.applicantId}`,
      [
        {
          id: randomUUID(),
          type: 'application-submitted',
          schemaVersion: 1,
          data: { applicationId: elsewhere, listingId: randomUUID(), submittedAt: '2030-03-02T10:00:00Z', declaration: await vault.seal(tenant.applicantId, declaration) },
          metadata: { correlationId: 'seed' },
        },
      ],
      'any',
    );
    const signed = await http().post(`/listings/${listingId}/proposals/${secondProposal}/contract`).set('authorization', bearer(landlord)).send({ contractDate: '2030-03-15' }).expect(200);
    expect(signed.body).toMatchObject({ status: 'let', contractDate: '2030-03-15' });

    // Follow-ups from the log: the listing is let, the tenant's other applications withdrawn, declines end applications.
    const listingLet = await eventually(
      async () => (await infra.store.readStream(`listing-${listingId}`)).map((e) => e as unknown as ListingEvent).find((e) => e.type === 'listing-let'),
      (e) => e !== undefined,
    );
    expect(listingLet?.data).toEqual({ tenantApplicantId: tenant.applicantId, applicationId: tenant.applicationId, contractDate: '2030-03-15' });
    await http().post(`/listings/${listingId}/letting/advance`).set('authorization', bearer(staff)).expect(200);
    const declined = await eventually(
      () => seekerEvents(seekers[2].applicantId),
      (events) => events.some((e) => e.type === 'application-withdrawn'),
    );
    expect(declined.find((e) => e.type === 'application-withdrawn')?.data).toMatchObject({ applicationId: seekers[2].applicationId, reason: 'declined' });

    const bus = await eventually(
      async () => published.filter((m) => m.key === listingId),
      (m) => m.some((x) => x.type === ListingLetV1.type),
    );
    expect(bus.map((m) => m.type)).toEqual([TenantProposedV1.type, ProposalDecidedV1.type, TenantProposedV1.type, ProposalDecidedV1.type, ListingLetV1.type]);
    expect(ListingLetV1.parse(bus[4].payload)).toMatchObject({
      landlordId,
      tenantApplicantId: tenant.applicantId,
      usesQueueTime: true,
      tenantQueueDays: 2900,
      applications: 12,
      publishedOn: '2030-02-01',
    });
    expect(ProposalDecidedV1.parse(bus[1].payload)).toMatchObject({ decision: 'rejected', reason: 'Unpaid rent with the previous landlord' });

    // The allocation re-derived from the log agrees; explanations keep other seekers out of a seeker's view.
    const audit = await http().get(`/listings/${listingId}/letting/audit`).set('authorization', bearer(staff)).expect(200);
    expect(audit.body).toMatchObject({ consistent: true, differences: [] });
    const own = await http().get(`/listings/${listingId}/letting/explanation`).set('authorization', bearer(tenant.token)).expect(200);
    expect(own.body).toMatchObject({ place: 11, outcome: 'tenant', invitedAbove: { 'did not meet the requirements': 1, 'not approved by the landlord': 1, 'declined or did not answer': 8 } });
    for (const other of seekers.filter((s) => s !== tenant)) expect(JSON.stringify(own.body)).not.toContain(other.applicantId);
    const full = await http().get(`/listings/${listingId}/letting/explanation`).set('authorization', bearer(staff)).expect(200);
    expect(full.body.steps.find((s: { type: string }) => s.type === 'proposal-rejected')).toMatchObject({
      explanation: expect.stringContaining('Unpaid rent'),
      data: { applicantId: seekers[1].applicantId },
    });
    expect(JSON.stringify(full.body)).not.toContain('"facts"');

    const tenantsOther = await eventually(
      () => seekerEvents(tenant.applicantId),
      (events) => events.some((e) => e.type === 'application-withdrawn'),
    );
    expect(tenantsOther.filter((e) => e.type === 'application-withdrawn').map((e) => e.data)).toEqual([expect.objectContaining({ applicationId: elsewhere, reason: 'let-to-seeker-elsewhere' })]);

    // The landlord does not complete the letting: queue time is restored through LettingCancelledV1.
    await http().post(`/listings/${listingId}/letting/cancel`).set('authorization', bearer(landlord)).send({ reason: 'The flat was damaged by water before moving in' }).expect(200);
    const cancelled = await eventually(
      async () => published.find((m) => m.key === listingId && m.type === LettingCancelledV1.type),
      (m) => m !== undefined,
    );
    expect(LettingCancelledV1.parse(cancelled?.payload)).toEqual({ listingId, tenantApplicantId: tenant.applicantId, on: '2030-03-07' });
  });

  test('backing out after yes and late certificates are avhopp: two within 12 months block applying', async () => {
    setToday('2030-03-01');
    const first = await rankedListing(2);
    const second = await rankedListing(2);
    const seeker = first.seekers[0];
    await schedule(first.listingId, staff).expect(201);
    setToday('2030-03-04');
    await answer(seeker, true).expect(200);
    const backedOut = await http().post(`/applications/${seeker.applicationId}/back-out`).set('authorization', bearer(seeker.token)).expect(200);
    expect(backedOut.body).toMatchObject({ outcome: 'backed-out', avhopp: true });
    await http().post(`/applications/${seeker.applicationId}/back-out`).set('authorization', bearer(seeker.token)).expect(409);

    const other = second.seekers[0];
    await schedule(second.listingId, staff, '2030-03-05').expect(201);
    await answer(other, true).expect(200);
    setToday('2030-03-12');
    const late = await http().post(`/listings/${second.listingId}/letting/advance`).set('authorization', bearer(staff)).expect(200);
    expect(late.body.recorded).toContain('certificates-late');

    const avhopps = await eventually(
      () => seekerEvents(seeker.applicantId),
      (events) => events.some((e) => e.type === 'avhopp-recorded'),
    );
    expect(avhopps.find((e) => e.type === 'avhopp-recorded')?.data).toEqual({
      listingId: first.listingId,
      applicationId: seeker.applicationId,
      on: '2030-03-04',
      kind: 'backed-out-after-yes',
      blockedUntil: null,
    });
    const lateOnes = await eventually(
      () => seekerEvents(other.applicantId),
      (events) => events.some((e) => e.type === 'avhopp-recorded'),
    );
    expect(lateOnes.find((e) => e.type === 'avhopp-recorded')?.data).toMatchObject({ kind: 'late-certificates', on: '2030-03-12' });

    // A second avhopp by the same seeker within 12 months: the seeker decider blocks applying for 6 months.
    const seekers = app.get(SeekerHandler);
    await seekers.handleOn(
      `listing-seeker-${seeker.applicantId}`,
      () => ({ type: 'record-avhopp', listingId: second.listingId, applicationId: randomUUID(), on: '2030-09-01', kind: 'late-certificates', policy: DEFAULT_POLICY }),
      { correlationId: 'test', actor: 'test' },
    );
    const { state, events } = await seekers.load(`listing-seeker-${seeker.applicantId}`);
    expect(blockedUntil(state, DEFAULT_POLICY, '2030-09-02')).toBe('2031-03-01');
    // The end of the block is kept with the avhopp that brought it, for the message to the seeker.
    expect(events.at(-1)).toMatchObject({ type: 'avhopp-recorded', data: { on: '2030-09-01', blockedUntil: '2031-03-01' } });
  });

  test('bad input is refused with problem details and changes nothing; a retried answer with the same Idempotency-Key is answered once', async () => {
    setToday('2030-03-01');
    const { listingId, seekers, landlord } = await rankedListing(3);
    const noSlots = await http().post(`/listings/${listingId}/showings`).set('authorization', bearer(staff)).send({ slots: [] }).expect(400);
    expect(noSlots.body).toMatchObject({ status: 400, errors: expect.arrayContaining([expect.objectContaining({ field: 'slots' })]) });
    await http()
      .post(`/listings/${listingId}/showings`)
      .set('authorization', bearer(staff))
      .send({ slots: [{ startsAt: 'tomorrow', endsAt: 'later' }] })
      .expect(400);
    const past = await http()
      .post(`/listings/${listingId}/showings`)
      .set('authorization', bearer(staff))
      .send({ slots: [{ startsAt: '2030-02-01T10:00:00Z', endsAt: '2030-02-01T11:00:00Z' }] })
      .expect(422);
    expect(past.body.type).toBe('https://bostadsko.se/problems/letting/slot-in-past');
    await http()
      .post(`/listings/${listingId}/showings`)
      .set('authorization', bearer(staff))
      .send({ slots: [{ startsAt: '2030-03-03T10:00:00Z', endsAt: '2030-03-03T11:00:00Z' }], extra: 1 })
      .expect(400);
    await http()
      .post(`/listings/${randomUUID()}/showings`)
      .set('authorization', bearer(staff))
      .send({ slots: [{ startsAt: '2030-03-03T10:00:00Z', endsAt: '2030-03-03T11:00:00Z' }] })
      .expect(404);
    await http()
      .post(`/listings/not-a-uuid/showings`)
      .set('authorization', bearer(staff))
      .send({ slots: [{ startsAt: '2030-03-03T10:00:00Z', endsAt: '2030-03-03T11:00:00Z' }] })
      .expect(400);
    expect(await infra.store.readStream(`letting-${listingId}`)).toEqual([]);

    await schedule(listingId, landlord).expect(201);
    await http().post(`/applications/${seekers[0].applicationId}/interest`).set('authorization', bearer(seekers[0].token)).send({ interested: 'yes' }).expect(400);
    await http()
      .post(`/listings/${listingId}/letting/verification`)
      .set('authorization', bearer(staff))
      .send({ applicationId: seekers[0].applicationId, ...goodCertificates, taxableIncome: -5 })
      .expect(400);
    const notChosen = await verify(listingId, seekers[1]).expect(409);
    expect(notChosen.body.type).toBe('https://bostadsko.se/problems/letting/not-being-verified');

    setToday('2030-03-04');
    const key = randomUUID();
    const once = await answer(seekers[1], true).set('idempotency-key', key).expect(200);
    const again = await answer(seekers[1], true).set('idempotency-key', key).expect(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(once.body);
    expect((await infra.store.readStream(`letting-${listingId}`)).filter((e) => e.type === 'interest-answered')).toHaveLength(1);

    setToday('2030-03-07');
    const tooLate = await answer(seekers[2], true).expect(422);
    expect(tooLate.body.type).toBe('https://bostadsko.se/problems/letting/answer-too-late');
  });

  test('a stale If-Match is 412 on every letting write that takes it and changes nothing; the current ETag is taken; a malformed one is 400', async () => {
    setToday('2030-03-01');
    const { listingId, seekers, landlord } = await rankedListing(3);
    const lettingEvents = async () => (await infra.store.readStream(`letting-${listingId}`)).length;
    const etag = async () => (await http().get(`/listings/${listingId}/letting`).set('authorization', bearer(staff)).expect(200)).headers.etag as string;
    /** Refused as stale, with the revision the letting is at, and nothing appended. */
    const stale = async (attempt: request.Test, currentRevision: string | null) => {
      const before = await lettingEvents();
      const refused = await attempt.expect(412);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body).toMatchObject({ status: 412, type: 'https://bostadsko.se/problems/stale-etag', currentRevision });
      expect(await lettingEvents()).toBe(before);
    };
    const slots = { slots: [{ startsAt: '2030-03-03T16:00:00Z', endsAt: '2030-03-03T16:30:00Z' }] };

    // Before the first showing the letting has no stream: any revision named is stale.
    await stale(http().post(`/listings/${listingId}/showings`).set('authorization', bearer(landlord)).set('if-match', '"0"').send(slots), null);
    const malformed = await http().post(`/listings/${listingId}/showings`).set('authorization', bearer(landlord)).set('if-match', 'yesterday').send(slots).expect(400);
    expect(malformed.body.errors).toEqual([{ field: 'If-Match', messages: ['must be an ETag this API returned, e.g. "3"'] }]);
    const shown = await http().post(`/listings/${listingId}/showings`).set('authorization', bearer(landlord)).send(slots).expect(201);
    expect(shown.headers.etag).toBe(await etag());
    await stale(http().post(`/listings/${listingId}/showings`).set('authorization', bearer(landlord)).set('if-match', '"7"').send(slots), JSON.parse(shown.headers.etag as string));

    setToday('2030-03-04');
    await answer(seekers[0], true).expect(200);
    const beforeVerifying = await etag();
    await stale(verify(listingId, seekers[0]).set('if-match', shown.headers.etag as string), JSON.parse(beforeVerifying));
    setToday('2030-03-05');
    const verified = await verify(listingId, seekers[0]).set('if-match', beforeVerifying).expect(200);
    expect(verified.headers.etag).toBe(await etag());
    const proposal = `/listings/${listingId}/proposals/${verified.body.proposalId}`;
    const afterVerifying = JSON.parse(verified.headers.etag as string) as string;
    await stale(http().post(`${proposal}/approve`).set('authorization', bearer(landlord)).set('if-match', beforeVerifying), afterVerifying);
    await stale(http().post(`${proposal}/reject`).set('authorization', bearer(landlord)).set('if-match', beforeVerifying).send({ reason: 'Not this one' }), afterVerifying);
    const approved = await http()
      .post(`${proposal}/approve`)
      .set('authorization', bearer(landlord))
      .set('if-match', verified.headers.etag as string)
      .expect(200);
    await stale(
      http()
        .post(`${proposal}/contract`)
        .set('authorization', bearer(landlord))
        .set('if-match', verified.headers.etag as string)
        .send({ contractDate: '2030-03-20' }),
      JSON.parse(approved.headers.etag as string),
    );
    const signed = await http()
      .post(`${proposal}/contract`)
      .set('authorization', bearer(landlord))
      .set('if-match', approved.headers.etag as string)
      .send({ contractDate: '2030-03-20' })
      .expect(200);
    await stale(
      http()
        .post(`/listings/${listingId}/letting/cancel`)
        .set('authorization', bearer(landlord))
        .set('if-match', approved.headers.etag as string)
        .send({ reason: 'Water damage' }),
      JSON.parse(signed.headers.etag as string),
    );
    await http()
      .post(`/listings/${listingId}/letting/cancel`)
      .set('authorization', bearer(landlord))
      .set('if-match', signed.headers.etag as string)
      .send({ reason: 'Water damage' })
      .expect(200);
  });

  test('rules refuse with 409 and a code; invited seekers answering at once are all recorded, each decided again on what the others wrote', async () => {
    setToday('2030-03-01');
    const { listingId, seekers, landlord } = await rankedListing(8);
    await schedule(listingId, landlord).expect(201);
    setToday('2030-03-04');
    const answers = await Promise.all(seekers.map((s, i) => answer(s, i % 2 === 0)));
    expect(answers.map((r) => r.status)).toEqual(Array(8).fill(200));
    const recorded = (await infra.store.readStream(`letting-${listingId}`)).filter((e) => e.type === 'interest-answered').map((e) => (e.data as { applicationId: string }).applicationId);
    expect(new Set(recorded)).toEqual(new Set(seekers.map((s) => s.applicationId)));

    const codeOf = async (attempt: request.Test) => {
      const refused = await attempt;
      return [refused.status, refused.body.code, refused.body.type];
    };
    expect(await codeOf(answer(seekers[0], false))).toEqual([409, 'already-answered', 'https://bostadsko.se/problems/letting/already-answered']);
    expect(await codeOf(verify(listingId, seekers[2]))).toEqual([409, 'not-being-verified', 'https://bostadsko.se/problems/letting/not-being-verified']);
    setToday('2030-03-05');
    const proposalId = (await verify(listingId, seekers[0]).expect(200)).body.proposalId as string;
    await http().post(`/listings/${listingId}/proposals/${proposalId}/reject`).set('authorization', bearer(landlord)).send({ reason: 'Not this one' }).expect(200);
    expect(await codeOf(http().post(`/listings/${listingId}/proposals/${proposalId}/approve`).set('authorization', bearer(landlord)))).toEqual([
      409,
      'proposal-not-pending',
      'https://bostadsko.se/problems/letting/proposal-not-pending',
    ]);
    await http().post(`/applications/${seekers[2].applicationId}/back-out`).set('authorization', bearer(seekers[2].token)).expect(200);
    expect(await codeOf(http().post(`/applications/${seekers[2].applicationId}/back-out`).set('authorization', bearer(seekers[2].token)))).toEqual([
      409,
      'already-out',
      'https://bostadsko.se/problems/letting/already-out',
    ]);
  });

  test("letting events carry the request's correlation id, the request as cause, and who decided; the listing's follow-up carries them on, caused by the letting's event", async () => {
    setToday('2030-03-01');
    const { listingId, seekers, landlord } = await rankedListing(1);
    const landlordUser = tokens.userOf(landlord)!.id;
    await schedule(listingId, landlord).set('x-correlation-id', 'schedule-1').expect(201);
    setToday('2030-03-04');
    await answer(seekers[0], true).set('x-correlation-id', 'answer-1').expect(200);
    setToday('2030-03-05');
    const { proposalId } = (await verify(listingId, seekers[0]).set('x-correlation-id', 'verify-1').expect(200)).body as { proposalId: string };
    await http().post(`/listings/${listingId}/proposals/${proposalId}/approve`).set('authorization', bearer(landlord)).set('x-correlation-id', 'approve-1').expect(200);
    await http()
      .post(`/listings/${listingId}/proposals/${proposalId}/contract`)
      .set('authorization', bearer(landlord))
      .set('x-correlation-id', 'sign-1')
      .send({ contractDate: '2030-03-20' })
      .expect(200);

    const letting = await infra.store.readStream(`letting-${listingId}`);
    const staffId = tokens.userOf(staff)!.id;
    expect(letting.map(({ type, metadata: { correlationId, causationId, actor } }) => ({ type, correlationId, causationId, actor }))).toEqual([
      { type: 'showing-scheduled', correlationId: 'schedule-1', causationId: 'schedule-1', actor: landlordUser },
      { type: 'interest-answered', correlationId: 'answer-1', causationId: 'answer-1', actor: seekers[0].applicantId },
      { type: 'verification-requested', correlationId: 'answer-1', causationId: 'answer-1', actor: seekers[0].applicantId },
      { type: 'applicant-verified', correlationId: 'verify-1', causationId: 'verify-1', actor: staffId },
      { type: 'tenant-proposed', correlationId: 'verify-1', causationId: 'verify-1', actor: staffId },
      { type: 'proposal-approved', correlationId: 'approve-1', causationId: 'approve-1', actor: landlordUser },
      { type: 'contract-signed', correlationId: 'sign-1', causationId: 'sign-1', actor: landlordUser },
    ]);
    const let_ = await eventually(
      async () => (await infra.store.readStream(`listing-${listingId}`)).find((e) => e.type === 'listing-let'),
      (e) => e !== undefined,
    );
    expect(let_!.metadata).toMatchObject({ correlationId: 'sign-1', causationId: letting.at(-1)!.id, actor: 'listings:letting' });
  });

  test('short-term letting keeps the queue time: usesQueueTime false on ListingLetV1', async () => {
    setToday('2030-03-01');
    const { listingId, seekers, landlord } = await rankedListing(1, 'short-term');
    await schedule(listingId, staff).expect(201);
    setToday('2030-03-04');
    await answer(seekers[0], true).expect(200);
    setToday('2030-03-05');
    const { body } = await verify(listingId, seekers[0]).expect(200);
    await http().post(`/listings/${listingId}/proposals/${body.proposalId}/approve`).set('authorization', bearer(landlord)).expect(200);
    await http().post(`/listings/${listingId}/proposals/${body.proposalId}/contract`).set('authorization', bearer(staff)).send({ contractDate: '2030-03-10' }).expect(200);
    const let_ = await eventually(
      async () => published.find((m) => m.key === listingId && m.type === ListingLetV1.type),
      (m) => m !== undefined,
    );
    expect(ListingLetV1.parse(let_?.payload)).toMatchObject({ listingType: 'short-term', usesQueueTime: false, tenantQueueDays: 3000 });
  });

  test('the participants read model rebuilt from the log equals the live one', async () => {
    setToday('2030-03-01');
    const { listingId } = await rankedListing(2);
    await schedule(listingId, staff).expect(201);
    await expectRebuildToEqualLive(infra, { 'letting-participants': listingsRebuildTargets['letting-participants'] });
    const { rows } = await infra.pool.query<{ letting_open: boolean }>('SELECT letting_open FROM listings.letting_participants');
    expect(rows.filter((r) => !r.letting_open).length).toBeGreaterThan(0);
  });

  test('the answer window is policy data from a date: earlier showings keep theirs, bad changes are refused', async () => {
    const admin = (await http().post('/auth/token').send({ username: 'admin@test.se', password: 'Admin-pass-1' }).expect(200)).body.access_token;
    await http()
      .post('/letting/policy/changes')
      .set('authorization', bearer(staff))
      .send({ setting: 'interestAnswerDays', value: 5, effectiveFrom: '2090-06-01', reason: 'Board decision 2090-05-01' })
      .expect(403);
    await http()
      .post('/letting/policy/changes')
      .set('authorization', bearer(admin))
      .send({ setting: 'interestAnswerDays', value: 99, effectiveFrom: '2090-06-01', reason: 'Board decision' })
      .expect(422);
    await http()
      .post('/letting/policy/changes')
      .set('authorization', bearer(admin))
      .send({ setting: 'interestAnswerDays', value: 5, effectiveFrom: '2001-01-01', reason: 'Board decision' })
      .expect(422);
    await http().post('/letting/policy/changes').set('authorization', bearer(admin)).send({ setting: 'showingSize', value: 5, effectiveFrom: '2090-06-01', reason: 'Board decision' }).expect(400);
    await http()
      .post('/letting/policy/changes')
      .set('authorization', bearer(admin))
      .send({ setting: 'interestAnswerDays', value: 5, effectiveFrom: '2090-06-01', reason: 'Board decision 2090-05-01' })
      .expect(201);
    expect((await http().get('/letting/policy?on=2090-05-31').expect(200)).body).toMatchObject({ interestAnswerDays: 3, certificateDays: 7, showingInvitations: 10 });
    expect((await http().get('/letting/policy?on=2090-06-01').expect(200)).body).toMatchObject({ interestAnswerDays: 5 });

    setToday('2090-05-20');
    const before = await rankedListing(1);
    expect((await schedule(before.listingId, staff, '2090-05-22').expect(201)).body.answerBy).toBe('2090-05-25');
    setToday('2090-06-02');
    const after = await rankedListing(1);
    expect((await schedule(after.listingId, staff, '2090-06-03').expect(201)).body.answerBy).toBe('2090-06-08');
    expect((await http().get(`/listings/${before.listingId}/showings`).set('authorization', bearer(staff)).expect(200)).body[0].answerBy).toBe('2090-05-25');
  });
});
