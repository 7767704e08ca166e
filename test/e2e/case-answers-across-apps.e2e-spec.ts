import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { ApplicantsModule } from '../../apps/applicants/src/applicants.module.js';
import { LandlordsModule } from '../../apps/landlords/src/landlords.module.js';
import { MessagesModule } from '../../apps/messages/src/messages.module.js';
import { readDevMailbox, startDevSmtpServer, type DevSmtpServer } from '@bostadsko/dev-mail';
import { stockholmDate } from '@bostadsko/calendar';
import { TokenService } from '@bostadsko/platform';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { eventually } from '../support/eventually.js';
import { shareOneBus, startApp } from '../support/all-apps.js';
import { LANDLORD_PASSWORD as PASSWORD, organisationWithAdministrator } from '../support/landlord-organisation.js';

/**
 * The landlords and applicants apps publish through their relays what the messages app
 * needs: a landlord user's address and language, an agreement change, a case answered in
 * either app, a user erased. Nothing here is published by hand.
 */
describe('messages across apps: landlord users and answered cases', () => {
  let applicants: NestFastifyApplication;
  let landlords: NestFastifyApplication;
  let messages: NestFastifyApplication;
  let smtp: DevSmtpServer;
  let staff: string;
  const mailDir = mkdtempSync(join(tmpdir(), 'bostadsko-e2e-landlord-mail-'));
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const mailTo = async (address: string) => (await readDevMailbox(mailDir)).filter((m) => m.to.includes(address));

  beforeAll(async () => {
    smtp = await startDevSmtpServer({ port: 0, dir: mailDir });
    await shareOneBus('e2e-landlord-messages-secret-long-enough-for-hs256-0123456789');
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
    process.env.DELIVERY_INTERVAL_MS = '100';
    applicants = await startApp(ApplicantsModule, 'applicants');
    landlords = await startApp(LandlordsModule, 'landlords');
    messages = await startApp(MessagesModule, 'messages');
    staff = (await landlords.get(TokenService).issue({ id: randomUUID(), roles: ['staff'] })).access_token;
  });

  afterAll(async () => {
    await messages?.close();
    await landlords?.close();
    await applicants?.close();
    await smtp?.close();
    for (const name of ['SMTP_URL', 'DELIVERY_INTERVAL_MS', 'BUS_DATABASE_URL']) delete process.env[name];
  });

  test('a landlord administrator in English: told of a suspension and of the answer to their case; erased, the inbox is gone', async () => {
    const http = () => request(landlords.getHttpServer());
    const { landlordId, agreementId, adminEmail: email, adminToken: admin } = await organisationWithAdministrator(landlords, staff, 'Meddelande AB');
    const userId = JSON.parse(Buffer.from(admin.split('.')[1], 'base64url').toString()).sub as string;
    // The user and the address reach the messages app before anything is said to them.
    await eventually(
      () => request(messages.getHttpServer()).get('/messages/landlord/preferences').set(bearer(admin)),
      (r) => r.status === 200 && r.body.language === 'en',
    );

    await http()
      .post(`/landlords/${landlordId}/agreements/${agreementId}/suspension`)
      .set(bearer(staff))
      .send({ effectiveFrom: stockholmDate(new Date(Date.now() + 7 * 86_400_000)), reason: 'Unpaid invoice' })
      .expect(200);
    const caseId = (await http().post(`/landlords/${landlordId}/cases`).set(bearer(admin)).send({ category: 'question', subject: 'Export of listings', description: 'Can we get a file?' }).expect(201))
      .body.caseId as string;
    await http().post(`/landlords/${landlordId}/cases/${caseId}/answer`).set(bearer(staff)).send({ text: 'Yes, nightly from next month.' }).expect(200);

    const mails = await eventually(
      () => mailTo(email),
      (m) => m.length >= 2,
    );
    expect(mails.map((m) => m.subject).sort()).toEqual(['Answer to your case: Export of listings', 'Your agreement with the housing agency is suspended']);
    expect(mails.find((m) => m.subject.startsWith('Answer'))?.text).toContain('Yes, nightly from next month.');
    const inbox = (await request(messages.getHttpServer()).get('/messages/landlord/inbox').set(bearer(admin)).expect(200)).body as Array<{ kind: string }>;
    expect(inbox.map((m) => m.kind).sort()).toEqual(['agreement-changed', 'case-answered']);

    // The user chooses Swedish in the landlords app; the messages app learns it over the bus.
    await http().post('/landlords/me/language').set(bearer(admin)).send({ language: 'de' }).expect(400);
    await http().post('/landlords/me/language').set(bearer(admin)).send({ language: 'sv' }).expect(200);
    await eventually(
      () => request(messages.getHttpServer()).get('/messages/landlord/preferences').set(bearer(admin)),
      (r) => r.body.language === 'sv',
    );

    // A second administrator removes the first, and staff erase them: the messages app forgets the person.
    const second = `second-${landlordId.slice(0, 8)}@example.se`;
    await http().post(`/landlords/${landlordId}/users`).set(bearer(admin)).send({ name: 'Per Berg', email: second, password: PASSWORD, role: 'administrator' }).expect(201);
    await http().delete(`/landlords/${landlordId}/users/${userId}`).set(bearer(staff)).expect(200);
    await http().post(`/landlords/${landlordId}/users/${userId}/erasure`).set(bearer(staff)).expect(200);
    const secondToken = (await http().post('/landlords/sign-in').send({ email: second, password: PASSWORD }).expect(200)).body.access_token as string;
    await eventually(
      () => request(messages.getHttpServer()).get('/messages/landlord/inbox').set(bearer(admin)),
      (r) => r.status === 401,
    );
    // The erased person's inbox is gone from the messages app's read model, not only refused.
    const pool = messages.get<Infrastructure>(INFRASTRUCTURE).pool;
    await eventually(
      () => pool.query(`SELECT count(*)::int AS n FROM messages.inbox WHERE applicant_id = $1`, [userId]).then((r) => r.rows[0].n as number),
      (n) => n === 0,
    );
    expect((await request(messages.getHttpServer()).get('/messages/landlord/inbox').set(bearer(secondToken)).expect(200)).body).toEqual([]);
  });

  test('a seeker’s customer case answered by staff: the seeker gets the answer in the inbox and by e-mail', async () => {
    const http = () => request(applicants.getHttpServer());
    const email = `case-${randomUUID().slice(0, 8)}@example.se`;
    await http().post('/applicants').send({ personnummer: '19811218-9876', name: 'Astrid Lindqvist', email, password: 'correct horse battery' }).expect(201);
    const token = (await http().post('/applicants/sign-in').send({ personnummer: '19811218-9876', password: 'correct horse battery' }).expect(200)).body.access_token as string;
    const applicantId = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub as string;
    const caseId = (await http().post(`/applicants/${applicantId}/cases`).set(bearer(token)).send({ channel: 'web', subject: 'Fel startdatum', description: 'Min kötid börjar fel dag.' }).expect(201))
      .body.caseId as string;
    await http().post(`/applicants/${applicantId}/cases/${caseId}/answer`).set(bearer(staff)).send({ answer: 'Vi har rättat startdatumet.' }).expect(200);

    const [mail] = await eventually(
      () => mailTo(email),
      (m) => m.length >= 1,
    );
    expect(mail.subject).toBe('Svar på ditt ärende: Fel startdatum');
    expect(mail.text).toContain('Vi har rättat startdatumet.');
    const inbox = (await request(messages.getHttpServer()).get('/messages').set(bearer(token)).expect(200)).body as Array<{ kind: string }>;
    expect(inbox.map((m) => m.kind)).toEqual(['case-answered']);
  });
});
