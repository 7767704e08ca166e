import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { ApplicantsModule } from '../../apps/applicants/src/applicants.module.js';
import { DEMO_LANDLORD_CREDENTIALS, seedDemoLandlord } from '../../apps/landlords/src/demo/demo-landlord.js';
import { LandlordsModule } from '../../apps/landlords/src/landlords.module.js';
import { seedDemoListings } from '../../apps/listings/src/demo/demo-listings.js';
import { ListingsModule } from '../../apps/listings/src/listings.module.js';
import { MessagesModule } from '../../apps/messages/src/messages.module.js';
import { StatisticsModule } from '../../apps/statistics/src/statistics.module.js';
import { createWebApp } from '../../apps/web/src/server/create-web-app.js';
import { loadWebConfig } from '../../apps/web/src/web.config.js';
import { createTestApp } from '@bostadsko/platform';
import { startDevSmtpServer } from '@bostadsko/dev-mail';
import { freshDatabase } from '../support/fresh-database.js';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];
export const hasChromium = () => existsSync(CHROMIUM);

export interface RunningSystem {
  readonly webUrl: string;
  /** The four apps' base URLs, for the steps of landlords, staff and administrators, which have no pages yet. */
  readonly urls: Readonly<Record<'APPLICANTS_URL' | 'LISTINGS_URL' | 'LANDLORDS_URL' | 'STATISTICS_URL' | 'MESSAGES_URL', string>>;
  readonly apps: Readonly<Record<'applicants' | 'listings' | 'landlords' | 'statistics' | 'messages', NestFastifyApplication>>;
  close(): Promise<void>;
}

async function listening(module: unknown, database: string): Promise<NestFastifyApplication> {
  process.env.DATABASE_URL = await freshDatabase(database);
  const app = await createTestApp(module as never);
  await app.listen(0, '127.0.0.1');
  return app;
}

/** The whole system as npm start runs it, on free ports and fresh databases: four apps, the demo landlord's listings, the website. */
export async function startSystem(): Promise<RunningSystem> {
  process.env.JWT_SECRET = 'browser-tests-secret-long-enough-for-hs256-0123456789';
  process.env.SEED_ACCOUNTS = 'staff:Sara Svensson <staff@test.se>:Staff-pass-1,admin:admin@test.se:Admin-pass-1,analyst:analyst@test.se:Analyst-pass-1';
  process.env.BUS_DATABASE_URL = await freshDatabase('bus');
  // Training mode, as npm start runs: due jobs run when an administrator moves the clock, and hourly otherwise.
  process.env.RUN_MODE = 'training';
  process.env.LISTINGS_JOB_INTERVAL_MS = '3600000';
  process.env.LETTING_JOB_INTERVAL_MINUTES = '60';
  process.env.FEE_JOB_INTERVAL_MINUTES = '60';
  // The messages app mails through a real SMTP listener, as npm start's, which keeps each mail in a folder.
  const mailDir = mkdtempSync(join(tmpdir(), 'boko-mail-'));
  const smtp = await startDevSmtpServer({ port: 0, dir: mailDir });
  process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
  process.env.DEV_MAILBOX_DIR = mailDir;
  const apps = {
    applicants: await listening(ApplicantsModule, 'applicants'),
    listings: await listening(ListingsModule, 'listings'),
    landlords: await listening(LandlordsModule, 'landlords'),
    statistics: await listening(StatisticsModule, 'statistics'),
    messages: await listening(MessagesModule, 'messages'),
  };
  const urls = {
    APPLICANTS_URL: await apps.applicants.getUrl(),
    LISTINGS_URL: await apps.listings.getUrl(),
    LANDLORDS_URL: await apps.landlords.getUrl(),
    STATISTICS_URL: await apps.statistics.getUrl(),
    MESSAGES_URL: await apps.messages.getUrl(),
  };
  const quiet = () => undefined;
  await seedDemoLandlord(quiet, process.env.SEED_ACCOUNTS, urls.LANDLORDS_URL);
  await seedDemoListings(quiet, { ...DEMO_LANDLORD_CREDENTIALS, landlordsUrl: urls.LANDLORDS_URL, listingsUrl: urls.LISTINGS_URL });
  const web = await createWebApp(loadWebConfig({ ...urls, SESSION_KEY: randomBytes(32).toString('base64'), LOG_LEVEL: 'silent', NODE_ENV: 'test' }));
  await web.listen(0, '127.0.0.1');
  return {
    urls,
    webUrl: (await web.getUrl()).replace('[::1]', '127.0.0.1'),
    apps,
    async close() {
      await web.close();
      for (const app of Object.values(apps).reverse()) await app.close();
      await smtp.close();
      for (const name of ['SMTP_URL', 'DEV_MAILBOX_DIR', 'RUN_MODE', 'BUS_DATABASE_URL', 'LISTINGS_JOB_INTERVAL_MS', 'LETTING_JOB_INTERVAL_MINUTES', 'FEE_JOB_INTERVAL_MINUTES'])
        delete process.env[name];
    },
  };
}
