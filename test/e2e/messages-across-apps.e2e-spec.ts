import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { ApplicantsModule } from '../../apps/applicants/src/applicants.module.js';
import { MessagesModule } from '../../apps/messages/src/messages.module.js';
import { ApplicationSubmittedV1 } from '@bostadsko/contracts';
import { readDevMailbox, startDevSmtpServer, type DevSmtpServer } from '@bostadsko/dev-mail';
import { stockholmDate } from '@bostadsko/calendar';
import { createTestApp } from '@bostadsko/platform';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { eventually } from '../support/eventually.js';
import { freshDatabase } from '../support/fresh-database.js';

async function startApp(module: unknown, databaseUrl: string): Promise<NestFastifyApplication> {
  process.env.DATABASE_URL = databaseUrl;
  return createTestApp(module as never);
}

/**
 * A seeker registers in applicants; the messages app learns the address over the
 * bus and, when an application is submitted (published here as the listings
 * relay would), keeps "application received" in the inbox and mails it.
 */
describe('messages across apps: registration gives the address, an application gives a message and a mail', () => {
  let applicants: NestFastifyApplication;
  let messages: NestFastifyApplication;
  let smtp: DevSmtpServer;
  const mailDir = mkdtempSync(join(tmpdir(), 'bostadsko-e2e-mail-'));

  beforeAll(async () => {
    smtp = await startDevSmtpServer({ port: 0, dir: mailDir });
    process.env.JWT_SECRET = 'e2e-messages-secret-long-enough-for-hs256-0123456789';
    process.env.BUS_DATABASE_URL = await freshDatabase('bus');
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
    process.env.DELIVERY_INTERVAL_MS = '100';
    applicants = await startApp(ApplicantsModule, await freshDatabase('applicants'));
    messages = await startApp(MessagesModule, await freshDatabase('messages'));
  });

  afterAll(async () => {
    await messages?.close();
    await applicants?.close();
    await smtp?.close();
    for (const name of ['SMTP_URL', 'DELIVERY_INTERVAL_MS', 'BUS_DATABASE_URL']) delete process.env[name];
  });

  test('register, apply: the inbox has the message and the mail arrived at the registered address', async () => {
    const email = `astrid-${randomUUID().slice(0, 8)}@example.se`;
    await request(applicants.getHttpServer()).post('/applicants').send({ personnummer: '19811218-9876', name: 'Astrid Lindqvist', email, password: 'correct horse battery' }).expect(201);
    const token = (await request(applicants.getHttpServer()).post('/applicants/sign-in').send({ personnummer: '19811218-9876', password: 'correct horse battery' }).expect(200)).body
      .access_token as string;
    const applicantId = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub as string;

    const bus = messages.get<Infrastructure>(INFRASTRUCTURE).bus;
    const submitted: ApplicationSubmittedV1 = { applicationId: randomUUID(), listingId: randomUUID(), applicantId, submittedOn: stockholmDate(new Date()) };
    await bus.publish([
      {
        id: `${ApplicationSubmittedV1.type}:${randomUUID()}`,
        type: ApplicationSubmittedV1.type,
        key: applicantId,
        payload: submitted,
        correlationId: randomUUID(),
        causationId: null,
        occurredAt: new Date().toISOString(),
      },
    ]);

    const inbox = await eventually(
      () =>
        request(messages.getHttpServer())
          .get('/messages')
          .set('authorization', `Bearer ${token}`)
          .then((r) => r.body as Array<{ subject: string }>),
      (m) => Array.isArray(m) && m.length === 1,
    );
    expect(inbox.map((m) => m.subject)).toEqual(['Vi har tagit emot din intresseanmälan']);
    const mails = await eventually(
      async () => (await readDevMailbox(mailDir)).filter((m) => m.to.includes(email)),
      (m) => m.length === 1,
    );
    expect(mails[0].subject).toBe('Vi har tagit emot din intresseanmälan');
  });
});
