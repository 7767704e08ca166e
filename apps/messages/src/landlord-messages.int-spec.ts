import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import type { IntegrationMessage, Tx } from '@bostadsko/bus';
import {
  AgreementStatusChangedV1,
  ContactDetailsChangedV1,
  CustomerCaseAnsweredV1,
  LandlordCaseAnsweredV1,
  LandlordUserChangedV1,
  LandlordUserContactChangedV1,
  LandlordUserErasedV1,
  ListingPublishedV1,
  TenantProposedV1,
} from '@bostadsko/contracts';
import { stockholmDate } from '@bostadsko/calendar';
import type { Infrastructure } from '@bostadsko/runtime';
import { eventually } from '../../../test/support/eventually.js';
import { busMessage, seededToken, startMessagesApp, tokenFor, type MessagesAppOverSmtp } from '../../../test/support/messages-app.js';
import { TriggersConsumer } from './triggers/triggers.consumer.js';
import { personMessagesStream } from './inbox/person-messages.events.js';

const today = stockholmDate(new Date());

interface Inboxed {
  readonly messageId: string;
  readonly kind: string;
  readonly subject: string;
  readonly paragraphs: string[];
  readonly readAt: string | null;
}

describe('messages to landlord users, and case answers, over real SMTP on real PostgreSQL', () => {
  let messagesApp: MessagesAppOverSmtp;
  let app: NestFastifyApplication;
  let infra: Infrastructure;
  let admin: string;
  const http = () => request(app.getHttpServer());
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const tokenOf = (id: string, landlordId: string) => tokenFor(app, { id, roles: ['landlord'], landlordId });
  const mailTo = (address: string) => messagesApp.mailTo(address);
  const inboxOf = (token: string) =>
    http()
      .get('/messages/landlord/inbox')
      .set(bearer(token))
      .then((r) => r.body as Inboxed[]);
  /** Replays messages through the consumer itself, as a redelivery after a crash would: the same causes, nothing new recorded. */
  const redeliver = async (messages: readonly IntegrationMessage[]) => {
    const consumer = app.get(TriggersConsumer);
    const tx: Tx = { query: (sql, params) => infra.pool.query(sql, params) as never };
    for (const m of messages) await consumer.handle(m, tx);
  };
  const recorded = async (personId: string) => (await infra.store.readStream(personMessagesStream(personId))).filter((e) => e.type === 'message-recorded').length;

  /** An organisation with an administrator (Swedish) and a letting agent (English), as the landlords app publishes them. */
  async function organisation() {
    const landlordId = randomUUID();
    const users = {
      admin: { id: randomUUID(), role: 'administrator', email: `admin-${landlordId.slice(0, 8)}@hyresvard.se`, language: 'sv' },
      agent: { id: randomUUID(), role: 'letting-agent', email: `agent-${landlordId.slice(0, 8)}@hyresvard.se`, language: 'en' },
    } as const;
    const at = new Date().toISOString();
    await infra.bus.publish(
      Object.values(users).flatMap((u) => [
        busMessage(LandlordUserChangedV1.type, landlordId, { landlordId, userId: u.id, role: u.role, status: 'active', at }),
        busMessage(LandlordUserContactChangedV1.type, landlordId, { landlordId, userId: u.id, email: u.email, language: u.language }),
      ]),
    );
    await eventually(
      () => infra.pool.query(`SELECT language FROM messages.people WHERE applicant_id = ANY($1) AND email IS NOT NULL`, [[users.admin.id, users.agent.id]]).then((r) => r.rows),
      (rows) => rows.length === 2 && rows.some((r) => r.language === 'en'),
    );
    return { landlordId, users };
  }

  beforeAll(async () => {
    messagesApp = await startMessagesApp({ database: 'messages_landlords', seedAccounts: 'admin:admin@test.se:Admin-pass-1', devMailbox: true });
    ({ app, infra } = messagesApp);
    admin = await seededToken(app, 'admin@test.se', 'Admin-pass-1');
  });

  afterAll(() => messagesApp?.close());

  test('a proposal waiting for decision reaches every user of the organisation, each in their language, once; a redelivery sends nothing new', async () => {
    const { landlordId, users } = await organisation();
    const listingId = randomUUID();
    const proposed = busMessage(TenantProposedV1.type, listingId, {
      proposalId: randomUUID(),
      listingId,
      landlordId,
      applicantId: randomUUID(),
      place: 1,
      householdSize: 2,
      requirementsVerified: true,
      proposedAt: new Date().toISOString(),
    });
    const published = busMessage(ListingPublishedV1.type, listingId, {
      listingId,
      landlordId,
      municipality: 'Göteborg',
      district: 'Majorna',
      rooms: 2,
      areaM2: 54,
      monthlyRent: 7200,
      listingType: 'regular',
      publishedOn: today,
      applicationDeadline: today,
      moveInDate: '2026-08-01',
    });
    await infra.bus.publish([published, proposed]);

    const [sv] = await eventually(
      () => mailTo(users.admin.email),
      (m) => m.length >= 1,
    );
    expect(sv.subject).toBe('En sökande väntar på ert beslut');
    expect(sv.text).toContain('2 rum och kök, 54 m², Majorna, Göteborg');
    expect(sv.text).toContain('plats 1 i kön, hushåll på 2 personer, kraven kontrollerade');
    expect(sv.html).toMatch(/^<!doctype html><html lang="sv">/);
    const [en] = await eventually(
      () => mailTo(users.agent.email),
      (m) => m.length >= 1,
    );
    expect(en.subject).toBe('An applicant is waiting for your decision');
    expect(en.html).toMatch(/<html lang="en">.*a household of 2, requirements verified/);

    const token = await tokenOf(users.agent.id, landlordId);
    const inbox = await inboxOf(token);
    expect(inbox).toMatchObject([{ kind: 'proposal-waiting', subject: 'An applicant is waiting for your decision', readAt: null }]);
    expect((await http().get('/messages/landlord/inbox/unread').set(bearer(token)).expect(200)).body).toEqual({ unread: 1 });

    await redeliver([proposed]);
    await infra.bus.publish([proposed]);
    expect(await recorded(users.agent.id)).toBe(1);
    expect(await recorded(users.admin.id)).toBe(1);
    await eventually(
      () => infra.pool.query(`SELECT count(*)::int AS n FROM messages.deliveries WHERE applicant_id = ANY($1) AND state = 'sent'`, [[users.admin.id, users.agent.id]]).then((r) => r.rows[0].n),
      (n) => n === 2,
    );
    expect(await mailTo(users.admin.email)).toHaveLength(1);
    expect(await mailTo(users.agent.email)).toHaveLength(1);

    await http().post(`/messages/landlord/inbox/${inbox[0].messageId}/read`).set(bearer(token)).expect(204);
    await eventually(
      () => http().get('/messages/landlord/inbox/unread').set(bearer(token)),
      (r) => r.body.unread === 0,
    );
    // The seeker's inbox is not a landlord's, and another user's message is not theirs.
    await http().get('/messages').set(bearer(token)).expect(403);
    await http()
      .get(`/messages/landlord/inbox/${inbox[0].messageId}`)
      .set(bearer(await tokenOf(users.admin.id, landlordId)))
      .expect(404);
  });

  test('agreement changes reach the administrators only; they may turn them off, never a proposal waiting', async () => {
    const { landlordId, users } = await organisation();
    const agreementId = randomUUID();
    const suspended = busMessage(AgreementStatusChangedV1.type, landlordId, { landlordId, agreementId, status: 'suspended', effectiveFrom: '2026-12-10', reason: 'Obetald faktura' });
    const terminated = busMessage(AgreementStatusChangedV1.type, landlordId, {
      landlordId,
      agreementId,
      status: 'terminated',
      effectiveFrom: '2027-03-31',
      reason: 'terminated by the landlord: Flyttar förvaltningen',
    });
    await infra.bus.publish([suspended, terminated]);
    const mails = await eventually(
      () => mailTo(users.admin.email),
      (m) => m.length >= 2,
    );
    expect(mails.map((m) => m.subject).sort()).toEqual(['Ert avtal med bostadsförmedlingen är avstängt', 'Ert avtal med bostadsförmedlingen är uppsagt']);
    expect(mails.find((m) => m.subject.endsWith('avstängt'))?.text).toContain('från 10 december 2026');
    expect(mails.find((m) => m.subject.endsWith('uppsagt'))?.text).toContain('Skäl: terminated by the landlord: Flyttar förvaltningen');
    await redeliver([suspended, terminated]);
    expect(await recorded(users.admin.id)).toBe(2);
    expect(await recorded(users.agent.id)).toBe(0);

    const token = await tokenOf(users.admin.id, landlordId);
    expect((await http().get('/messages/landlord/preferences').set(bearer(token)).expect(200)).body).toEqual({
      language: 'sv',
      email: { 'agreement-changed': true, 'case-answered': true },
    });
    const refused = await http().post('/messages/landlord/preferences/email').set(bearer(token)).send({ kind: 'proposal-waiting', email: false }).expect(400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    await http().post('/messages/landlord/preferences/email').set(bearer(token)).send({ kind: 'agreement-changed', email: false }).expect(204);
    await eventually(
      () => http().get('/messages/landlord/preferences').set(bearer(token)),
      (r) => r.body.email?.['agreement-changed'] === false,
    );
    await infra.bus.publish([
      busMessage(AgreementStatusChangedV1.type, landlordId, { landlordId, agreementId: randomUUID(), status: 'active', effectiveFrom: '2027-06-01', reason: 'agreement signed' }),
    ]);
    const inbox = await eventually(
      () => inboxOf(token),
      (m) => m.length === 3,
    );
    expect(inbox[0]).toMatchObject({ kind: 'agreement-changed', subject: 'Ert avtal med bostadsförmedlingen gäller' });
    const kept = await infra.pool.query(`SELECT message_id FROM messages.deliveries WHERE message_id = $1`, [inbox[0].messageId]);
    expect(kept.rows).toEqual([]);
  });

  test('a case answered reaches the landlord user who opened it, and the seeker who opened theirs', async () => {
    const { landlordId, users } = await organisation();
    const seekerId = randomUUID();
    const seekerEmail = `seeker-${seekerId.slice(0, 8)}@example.se`;
    await infra.bus.publish([busMessage(ContactDetailsChangedV1.type, seekerId, { applicantId: seekerId, email: seekerEmail })]);
    const answeredAt = '2026-11-24T09:30:00.000Z';
    const toLandlord = busMessage(LandlordCaseAnsweredV1.type, landlordId, {
      landlordId,
      caseId: randomUUID(),
      openedBy: users.agent.id,
      subject: 'Export to our system',
      answer: 'The export runs nightly from next month.',
      answeredAt,
    });
    const openedByStaff = busMessage(LandlordCaseAnsweredV1.type, landlordId, { landlordId, caseId: randomUUID(), openedBy: randomUUID(), subject: 'Staff note', answer: 'Done.', answeredAt });
    const toSeeker = busMessage(CustomerCaseAnsweredV1.type, seekerId, { applicantId: seekerId, caseId: randomUUID(), subject: 'Fel startdatum', answer: 'Vi har rättat datumet.', answeredAt });
    await infra.bus.publish([toLandlord, openedByStaff, toSeeker]);

    const [en] = await eventually(
      () => mailTo(users.agent.email),
      (m) => m.length >= 1,
    );
    expect(en.subject).toBe('Answer to your case: Export to our system');
    expect(en.text).toContain('The export runs nightly from next month.');
    expect(en.text).toContain('24 November 2026');
    const [sv] = await eventually(
      () => mailTo(seekerEmail),
      (m) => m.length >= 1,
    );
    expect(sv.subject).toBe('Svar på ditt ärende: Fel startdatum');
    expect(sv.html).toMatch(/<html lang="sv">.*<p>Vi har rättat datumet\.<\/p>/);
    await redeliver([toLandlord, openedByStaff, toSeeker]);
    expect(await recorded(users.agent.id)).toBe(1);
    expect(await recorded(users.admin.id)).toBe(0);
    expect(await recorded(seekerId)).toBe(1);
  });

  test('a removed user’s token is refused at once; an erased user’s inbox and address are gone', async () => {
    const { landlordId, users } = await organisation();
    await infra.bus.publish([busMessage(AgreementStatusChangedV1.type, landlordId, { landlordId, agreementId: randomUUID(), status: 'suspended', effectiveFrom: '2026-12-10', reason: 'Obetald' })]);
    const token = await tokenOf(users.admin.id, landlordId);
    await eventually(
      () => inboxOf(token),
      (m) => m.length === 1,
    );
    await http()
      .get('/messages/landlord/inbox')
      .set(bearer(await tokenOf(users.admin.id, randomUUID())))
      .expect(401);
    await infra.bus.publish([
      busMessage(LandlordUserChangedV1.type, landlordId, { landlordId, userId: users.admin.id, role: 'administrator', status: 'removed', at: new Date().toISOString() }),
      busMessage(LandlordUserErasedV1.type, landlordId, { landlordId, userId: users.admin.id, on: today }),
    ]);
    await eventually(
      () => http().get('/messages/landlord/inbox').set(bearer(token)),
      (r) => r.status === 401,
    );
    await eventually(
      () => infra.pool.query(`SELECT count(*)::int AS n FROM messages.inbox WHERE applicant_id = $1`, [users.admin.id]).then((r) => r.rows[0].n),
      (n) => n === 0,
    );
    await eventually(
      () => infra.pool.query(`SELECT count(*)::int AS n FROM messages.people WHERE applicant_id = $1`, [users.admin.id]).then((r) => r.rows[0].n),
      (n) => n === 0,
    );
    expect((await infra.store.readStream(personMessagesStream(users.admin.id))).map((e) => e.type)).toContain('person-erased');
    // Nothing more is recorded for an erased person, whatever arrives.
    await redeliver([busMessage(AgreementStatusChangedV1.type, landlordId, { landlordId, agreementId: randomUUID(), status: 'active', effectiveFrom: '2027-01-10', reason: 'Betald' })]);
    expect(await recorded(users.admin.id)).toBe(1);
    // Staff may read the policy of the new kinds like any other.
    const policy = (await http().get('/messages/policy').set(bearer(admin)).expect(200)).body;
    expect(JSON.stringify(policy)).toContain('emailProposalWaiting');
  });
});
