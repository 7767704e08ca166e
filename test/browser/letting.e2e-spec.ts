import { jest } from '@jest/globals';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_LANDLORD_CREDENTIALS } from '../../apps/landlords/src/demo/demo-landlord.js';
import { addDays } from '@bostadsko/calendar';
import { check } from './page-check.js';
import { personnummer } from './personnummer.js';
import { CHROMIUM, CHROMIUM_ARGS, hasChromium, startSystem, type RunningSystem } from './system.js';

// A browser walk of many pages, each checked by axe and photographed twice: bounded, but not by jest's 60 s for a unit.
jest.setTimeout(180_000);

const PASSWORD = 'correct horse battery staple';

/** JSON over HTTP to an app, for the landlord's, staff's and administrator's steps: their pages come with the back office. */
async function api<T>(base: string, method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...(token && { authorization: `Bearer ${token}` }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Reloads until the page shows `text`: the close and the letting travel through jobs and read models. */
async function untilShown(page: Page, text: string, where = 'main', ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    if ((await page.locator(where).innerText()).includes(text)) return;
    if (Date.now() > until) throw new Error(`"${text}" not shown on ${page.url()}: ${await page.locator(where).innerText()}`);
    await page.waitForTimeout(200);
    await page.reload();
  }
}

const suite = hasChromium() ? describe : describe.skip;

suite('a whole letting on the training clock: apply, the close, a showing answered on the website, the offer, then the fee notice', () => {
  let system: RunningSystem;
  let browser: Browser;

  beforeAll(async () => {
    system = await startSystem();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  /** A seeker registers and applies on the website to the listing found by `district`; returns the application's page path. */
  async function registerAndApply(page: Page, district: string): Promise<string> {
    await page.goto(`${system.webUrl}/registrera`);
    await page.fill('#personnummer', personnummer());
    await page.fill('#name', 'Letting Testsson');
    await page.fill('#email', 'letting@example.se');
    await page.fill('#password', PASSWORD);
    await page.check('#terms');
    await page.click('button:has-text("Registrera mig")');
    await page.waitForURL(`${system.webUrl}/mina-sidor`);
    await page.goto(`${system.webUrl}/bostader?district=${district}`);
    await page.locator('.listing-list a').first().click();
    await page.click('text=Ansök till bostaden');
    await page.fill('#householdSize', '2');
    await page.fill('#taxableIncome', '600000');
    await page.click('button:has-text("Skicka ansökan")');
    await page.waitForURL(/\/mina-sidor\/ansokningar\//);
    return new URL(page.url()).pathname;
  }

  test('with JavaScript on and off alike', async () => {
    const { APPLICANTS_URL, LISTINGS_URL, LANDLORDS_URL } = system.urls;
    const withScript = await (await browser.newContext()).newPage();
    const withoutScript = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    const seekers = [
      { page: withScript, path: await registerAndApply(withScript, 'Majorna') },
      { page: withoutScript, path: await registerAndApply(withoutScript, 'Haga') },
    ];

    const admin = (await api<{ access_token: string }>(APPLICANTS_URL, 'POST', '/auth/token', undefined, { username: 'admin@test.se', password: 'Admin-pass-1' })).access_token;
    const staff = (await api<{ access_token: string }>(LISTINGS_URL, 'POST', '/auth/token', undefined, { username: 'staff@test.se', password: 'Staff-pass-1' })).access_token;
    const landlord = (await api<{ access_token: string }>(LANDLORDS_URL, 'POST', '/landlords/sign-in', undefined, DEMO_LANDLORD_CREDENTIALS)).access_token;

    // The demo listings close in 14 days: an administrator moves every app's business date past it, and the close runs.
    const moved = await api<{ businessDate: string }>(APPLICANTS_URL, 'POST', '/training-clock', admin, { days: 15 });
    for (const { page, path } of seekers) {
      await page.goto(`${system.webUrl}${path}`);
      // Shown only once the close has ranked the listing (before it, the place reads 'Plats 1 av 1 just nu').
      await untilShown(page, 'Du är inte inbjuden till visning ännu');
      expect(await page.locator('.facts').innerText()).not.toContain('just nu');
      // The banner on every page: the website reads the business date at most 2 s late.
      await untilShown(page, 'Övningsmiljö: systemets datum är', 'body');
    }

    const slotDay = addDays(moved.businessDate, 2);
    for (const { page, path } of seekers) {
      await page.goto(`${system.webUrl}${path}`);
      const applicationId = path.split('/').pop() ?? '';
      const listingId = await listingOf(page);
      await api(LISTINGS_URL, 'POST', `/listings/${listingId}/showings`, landlord, { slots: [{ startsAt: `${slotDay}T15:00:00Z`, endsAt: `${slotDay}T16:00:00Z` }] });
      await untilShown(page, 'Inbjudan till visning');
      if (page === withScript) await check(page, 'invitation-sv');
      await page.click('button:has-text("Jag är fortfarande intresserad")');
      expect(await page.locator('main').innerText()).toContain('Du har svarat att du fortfarande är intresserad');

      const verified = await api<{ proposalId: string }>(LISTINGS_URL, 'POST', `/listings/${listingId}/letting/verification`, staff, {
        applicationId,
        certificatesReceivedOn: moved.businessDate,
        householdSize: 2,
        taxableIncome: 600_000,
        nonTaxableIncome: 0,
        birthDate: '1990-06-15',
        hasPaymentRemarks: false,
      });
      await untilShown(page, 'Du är föreslagen som hyresgäst');
      await api(LISTINGS_URL, 'POST', `/listings/${listingId}/proposals/${verified.proposalId}/approve`, landlord);
      await api(LISTINGS_URL, 'POST', `/listings/${listingId}/proposals/${verified.proposalId}/contract`, landlord, { contractDate: addDays(moved.businessDate, 20) });
      await untilShown(page, 'Bostaden är din');
      // Every step reached the seeker's inbox too (the messages app, from the same integration events).
      await page.goto(`${system.webUrl}/mina-sidor/meddelanden`);
      for (const subject of ['Vi har tagit emot din intresseanmälan', 'Din plats: 1 av 1', 'Du är inbjuden till visning', 'Kontraktet är klart']) await untilShown(page, subject);
      if (page === withScript) await check(page, 'messages-sv');
    }

    // A year on, less a month: the fee job issues each seeker's first fee notice, which the fee page shows with its last day.
    await api(APPLICANTS_URL, 'POST', '/training-clock', admin, { days: 330 });
    await withScript.goto(`${system.webUrl}/mina-sidor/avgift`);
    await untilShown(withScript, 'OCR-nummer');
    expect(await withScript.locator('main').innerText()).toMatch(/Betala 200\skr med OCR-nummer \d+ senast/);
    await check(withScript, 'fees-with-notice-sv');
    // The fee notice was mailed as well: the development mailbox shows every mail the local SMTP server kept.
    await withScript.goto(`${system.webUrl}/dev/mejl`);
    await untilShown(withScript, 'Årsavgift');
    await check(withScript, 'dev-mailbox-sv');
    await Promise.all(seekers.map(({ page }) => page.context().close()));
  });
});

/** The listing an application page links to. */
async function listingOf(page: Page): Promise<string> {
  const href = await page.locator('a:has-text("Visa bostaden")').getAttribute('href');
  return (href ?? '').split('/').pop() ?? '';
}
