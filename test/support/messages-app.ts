import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { IntegrationMessage } from '@bostadsko/bus';
import { stockholmDate } from '@bostadsko/calendar';
import { FeeNoticeIssuedV1, ListingPublishedV2 } from '@bostadsko/contracts';
import { readDevMailbox, startDevSmtpServer, type DevSmtpServer, type KeptMail } from '@bostadsko/dev-mail';
import { createTestApp, TokenService, type Role } from '@bostadsko/platform';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { MessagesModule } from '../../apps/messages/src/messages.module.js';
import { freshDatabase } from './fresh-database.js';

export interface MessagesAppOverSmtp {
  readonly app: NestFastifyApplication;
  readonly infra: Infrastructure;
  /** What the SMTP listener kept for `address`, each mail once. */
  mailTo(address: string): Promise<KeptMail[]>;
  /** An SMTP outage: the listener stops until smtpUp() starts it again, on the same port and folder. */
  smtpDown(): Promise<void>;
  smtpUp(): Promise<void>;
  close(): Promise<void>;
}

export interface MessagesAppOptions {
  /** The fresh database's name, one per test file; the token secret is made from it. */
  readonly database: string;
  /** SEED_ACCOUNTS: the staff, administrators and analysts who can sign in. */
  readonly seedAccounts?: string;
  /** Further settings the app reads when created (job intervals, RUN_MODE); the outbox delivers every 100 ms unless they say otherwise. */
  readonly settings?: Readonly<Record<string, string>>;
  /** Whether the development mailbox reads the folder the mails are kept in (DEV_MAILBOX_DIR), as npm start's does. */
  readonly devMailbox?: boolean;
}

/**
 * The messages app on a fresh database of its own, reading the bus in its own database, mailing
 * through a real SMTP listener on a free port that keeps each mail in a folder: what a test
 * asserts was mailed is what an SMTP server received.
 */
export async function startMessagesApp(options: MessagesAppOptions): Promise<MessagesAppOverSmtp> {
  const mailDir = mkdtempSync(join(tmpdir(), `bostadsko-${options.database}-mail-`));
  let smtp: DevSmtpServer | undefined = await startDevSmtpServer({ port: 0, dir: mailDir });
  const smtpPort = smtp.port;
  const settings: Record<string, string> = {
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    DELIVERY_INTERVAL_MS: '100',
    ...(options.devMailbox && { DEV_MAILBOX_DIR: mailDir }),
    ...options.settings,
  };
  process.env.JWT_SECRET = `${options.database}-secret-long-enough-for-hs256-0123456789`;
  if (options.seedAccounts) process.env.SEED_ACCOUNTS = options.seedAccounts;
  process.env.DATABASE_URL = await freshDatabase(options.database);
  Object.assign(process.env, settings);
  delete process.env.BUS_DATABASE_URL;
  const app = await createTestApp(MessagesModule);
  return {
    app,
    infra: app.get(INFRASTRUCTURE),
    mailTo: async (address) => (await readDevMailbox(mailDir)).filter((m) => m.to.includes(address)),
    async smtpDown() {
      await smtp?.close();
      smtp = undefined;
    },
    async smtpUp() {
      smtp = await startDevSmtpServer({ port: smtpPort, dir: mailDir });
    },
    async close() {
      await app.close();
      await smtp?.close();
      for (const name of Object.keys(settings)) delete process.env[name];
    },
  };
}

/** A message as the bus brings it from another app, for a test to publish to the messages app. */
export function busMessage(type: string, key: string, payload: unknown): IntegrationMessage {
  return { id: `${type}:${randomUUID()}`, type, key, payload, correlationId: randomUUID(), causationId: null, occurredAt: new Date().toISOString() };
}

/** The applicants app's fee notice for a seeker, issued today: by default 2026's, due 15 June, its last pay day 13 September. */
export function feeNoticeIssued(applicantId: string, notice: Partial<FeeNoticeIssuedV1> = {}): IntegrationMessage {
  const issued: FeeNoticeIssuedV1 = {
    applicantId,
    noticeId: `${applicantId}/2026`,
    year: 2026,
    issuedOn: stockholmDate(new Date()),
    dueDate: '2026-06-15',
    lastPayDay: '2026-09-13',
    amount: 200,
    reference: '12345678903',
    ...notice,
  };
  return busMessage(FeeNoticeIssuedV1.type, applicantId, issued);
}

/** A two-room flat in Majorna published today with today's deadline, for any age: what the alerts match. */
export function listingPublished(change: Partial<ListingPublishedV2> = {}): ListingPublishedV2 {
  const today = stockholmDate(new Date());
  return {
    listingId: randomUUID(),
    landlordId: randomUUID(),
    municipality: 'Göteborg',
    district: 'Majorna',
    rooms: 2,
    areaM2: 54,
    monthlyRent: 7200,
    listingType: 'regular',
    publishedOn: today,
    applicationDeadline: today,
    moveInDate: '2027-08-01',
    minAge: null,
    maxAge: null,
    ...change,
  };
}

/** A token the app accepts, issued as the applicants or landlords app would for `user`. */
export async function tokenFor(app: NestFastifyApplication, user: { id: string; roles: Role[]; landlordId?: string }): Promise<string> {
  return (await app.get(TokenService).issue(user)).access_token;
}

/** The token of a seeded account (SEED_ACCOUNTS), from the app's own sign-in. */
export async function seededToken(app: NestFastifyApplication, username: string, password: string): Promise<string> {
  return (await request(app.getHttpServer()).post('/auth/token').send({ username, password }).expect(200)).body.access_token as string;
}
