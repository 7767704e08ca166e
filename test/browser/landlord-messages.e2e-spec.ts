import { jest } from '@jest/globals';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_LANDLORD_CREDENTIALS } from '../../apps/landlords/src/demo/demo-landlord.js';
import { addDays } from '@bostadsko/calendar';
import { check } from './page-check.js';
import { personnummer } from './personnummer.js';
import { CHROMIUM, CHROMIUM_ARGS, hasChromium, startSystem, type RunningSystem } from './system.js';

// A browser walk of several pages, each checked by axe and photographed twice: bounded, but not by jest's 60 s for a unit.
jest.setTimeout(180_000);

const PASSWORD = 'correct horse battery staple';
const SUBJECT = 'En sökande väntar på ert beslut';

/** JSON over HTTP to an app, for the staff's and administrator's steps. */
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

/** Reloads until the page shows `text`: the proposal travels through the bus, the messages app and its outbox. */
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

suite('a landlord user is told in the portal and by e-mail that a proposal waits for a decision', () => {
  let system: RunningSystem;
  let browser: Browser;
  const url = (path: string) => `${system.webUrl}${path}`;

  beforeAll(async () => {
    system = await startSystem();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  async function signInAsLandlord(page: Page): Promise<void> {
    await page.goto(url('/hyresvard/meddelanden'));
    await page.waitForURL(/\/hyresvard\/logga-in\?nasta=/);
    await page.fill('#email', DEMO_LANDLORD_CREDENTIALS.email);
    await page.fill('#password', DEMO_LANDLORD_CREDENTIALS.password);
    await page.click('main button:has-text("Logga in")');
    await page.waitForURL(url('/hyresvard/meddelanden'));
  }

  test('a seeker is proposed; the landlord user reads it in Meddelanden, with and without JavaScript, and it is in the development mailbox', async () => {
    const { APPLICANTS_URL, LISTINGS_URL, LANDLORDS_URL } = system.urls;
    const seeker = await (await browser.newContext()).newPage();
    await seeker.goto(url('/registrera'));
    await seeker.fill('#personnummer', personnummer());
    await seeker.fill('#name', 'Proposed Testsson');
    await seeker.fill('#email', 'proposed@example.se');
    await seeker.fill('#password', PASSWORD);
    await seeker.check('#terms');
    await seeker.click('button:has-text("Registrera mig")');
    await seeker.waitForURL(url('/mina-sidor'));
    await seeker.goto(url('/bostader?district=Majorna'));
    await seeker.locator('.listing-list a').first().click();
    await seeker.click('text=Ansök till bostaden');
    await seeker.fill('#householdSize', '2');
    await seeker.fill('#taxableIncome', '600000');
    await seeker.click('button:has-text("Skicka ansökan")');
    await seeker.waitForURL(/\/mina-sidor\/ansokningar\//);
    const applicationId = new URL(seeker.url()).pathname.split('/').pop() ?? '';
    const listingId = ((await seeker.locator('a:has-text("Visa bostaden")').getAttribute('href')) ?? '').split('/').pop() ?? '';

    // Before any proposal the portal's inbox is empty and its menu names no unread message.
    const landlord = await (await browser.newContext()).newPage();
    await signInAsLandlord(landlord);
    expect(await landlord.locator('main').innerText()).toContain('Du har inga meddelanden ännu.');
    expect(await landlord.locator('nav[aria-label="Hyresvärdsportalen"]').innerText()).not.toContain('olästa');

    const admin = (await api<{ access_token: string }>(APPLICANTS_URL, 'POST', '/auth/token', undefined, { username: 'admin@test.se', password: 'Admin-pass-1' })).access_token;
    const staff = (await api<{ access_token: string }>(LISTINGS_URL, 'POST', '/auth/token', undefined, { username: 'staff@test.se', password: 'Staff-pass-1' })).access_token;
    const landlordToken = (await api<{ access_token: string }>(LANDLORDS_URL, 'POST', '/landlords/sign-in', undefined, DEMO_LANDLORD_CREDENTIALS)).access_token;
    // The demo listings close in 14 days: the training clock moves past it, the close ranks, a showing is answered, staff verify.
    const moved = await api<{ businessDate: string }>(APPLICANTS_URL, 'POST', '/training-clock', admin, { days: 15 });
    await seeker.reload();
    await untilShown(seeker, 'Du är inte inbjuden till visning ännu');
    const slotDay = addDays(moved.businessDate, 2);
    await api(LISTINGS_URL, 'POST', `/listings/${listingId}/showings`, landlordToken, { slots: [{ startsAt: `${slotDay}T15:00:00Z`, endsAt: `${slotDay}T16:00:00Z` }] });
    await untilShown(seeker, 'Inbjudan till visning');
    await seeker.click('button:has-text("Jag är fortfarande intresserad")');
    await api(LISTINGS_URL, 'POST', `/listings/${listingId}/letting/verification`, staff, {
      applicationId,
      certificatesReceivedOn: moved.businessDate,
      householdSize: 2,
      taxableIncome: 600_000,
      nonTaxableIncome: 0,
      birthDate: '1990-06-15',
      hasPaymentRemarks: false,
    });

    await untilShown(landlord, SUBJECT);
    expect(await landlord.locator('nav[aria-label="Hyresvärdsportalen"]').innerText()).toContain('Meddelanden (olästa: 1)');
    await check(landlord, 'landlord-messages-sv');
    await landlord.click(`a:has-text("${SUBJECT}")`);
    expect(await landlord.locator('main').innerText()).toContain('Godkänn eller avslå förslaget i hyresvärdsportalen under Mina annonser.');
    await check(landlord, 'landlord-message-sv');
    await landlord.goto(url('/hyresvard/meddelanden/installningar'));
    await check(landlord, 'landlord-message-settings-sv');
    // Messages in English from now on, and agreement changes kept in the inbox only: one form, two apps.
    await landlord.selectOption('#language', 'en');
    await landlord.uncheck('#email-agreement-changed');
    await landlord.click('button:has-text("Spara")');
    expect(await landlord.locator('#language').inputValue()).toBe('en');
    expect(await landlord.locator('#email-agreement-changed').isChecked()).toBe(false);

    // Without JavaScript: the same pages, and marking read is a plain form post.
    const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await signInAsLandlord(plain);
    await plain.click(`a:has-text("${SUBJECT}")`);
    await plain.click('button:has-text("Markera som läst")');
    expect(await plain.locator('main').innerText()).toContain('Meddelandet är markerat som läst.');
    await plain.goto(url('/hyresvard/meddelanden'));
    expect(await plain.locator('main').innerText()).toContain('Läst');
    expect(await plain.locator('nav[aria-label="Hyresvärdsportalen"]').innerText()).not.toContain('olästa');

    // The administrator adds a letting agent whose messages are in English: the messages app learns it over the bus.
    const agent = { email: `agent-${Date.now()}@demo-bostader.se`, password: PASSWORD };
    await landlord.goto(url('/hyresvard'));
    await landlord.fill('#name', 'Lars Uthyrare');
    await landlord.fill('#email', agent.email);
    await landlord.fill('#password', agent.password);
    await landlord.selectOption('#role', 'letting-agent');
    await landlord.selectOption('#language', 'en');
    await landlord.click('button:has-text("Lägg till användaren")');
    await landlord.waitForURL(/\/hyresvard(#users-heading)?$/);
    const agentToken = (await api<{ access_token: string }>(LANDLORDS_URL, 'POST', '/landlords/sign-in', undefined, agent)).access_token;
    const until = Date.now() + 30_000;
    while ((await api<{ language: string }>(system.urls.MESSAGES_URL, 'GET', '/messages/landlord/preferences', agentToken)).language !== 'en' && Date.now() < until) await landlord.waitForTimeout(200);
    expect((await api<{ language: string }>(system.urls.MESSAGES_URL, 'GET', '/messages/landlord/preferences', agentToken)).language).toBe('en');

    // In English on request, and the mail the local SMTP server kept is in the development mailbox.
    await landlord.goto(url('/hyresvard/meddelanden'));
    await landlord.click('text=In English');
    expect(await landlord.locator('main h1').innerText()).toBe('Messages');
    await check(landlord, 'landlord-messages-en');
    await landlord.goto(url('/dev/mejl'));
    await untilShown(landlord, SUBJECT);
    expect(await landlord.locator('main').innerText()).toContain(DEMO_LANDLORD_CREDENTIALS.email);
    await Promise.all([seeker, landlord, plain].map((page) => page.context().close()));
  });
});
