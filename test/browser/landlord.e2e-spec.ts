import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { DEMO_LANDLORD_CREDENTIALS } from '../../apps/landlords/src/demo/demo-landlord.js';
import { addDays, stockholmDate } from '@bostadsko/calendar';
import { api, otherLandlordsAgent, verifyCertificates } from './app-api.js';
import { tabTo } from './keyboard.js';
import { check } from './page-check.js';
import { personnummer } from './personnummer.js';
import { registerSeeker, signInAsLandlord } from './sign-in.js';
import { suite, systemInChromium } from './system-in-chromium.js';
import { untilShown } from './until-shown.js';

const PASSWORD = 'a long landlord password';
const today = stockholmDate(new Date());

// The setup of a second landlord and the steps of seekers and staff, which are not this section's pages, go over the API.
suite('the landlord portal: sign-in, users, publishing from the guideline, my listings, other landlords refused', () => {
  const agent = { email: `agent-${randomInt(1e9)}@demo-bostader.se`, password: PASSWORD };
  let otherAgent: { email: string; password: string };
  const site = systemInChromium(async ({ urls: { LANDLORDS_URL } }) => {
    const staff = (await api<{ access_token: string }>(LANDLORDS_URL, 'POST', '/auth/token', undefined, { username: 'staff@test.se', password: 'Staff-pass-1' })).access_token;
    otherAgent = await otherLandlordsAgent(LANDLORDS_URL, staff, today);
  });
  const { url, newContext, newPage } = site;

  async function fillFlat(page: Page, deadline: string): Promise<void> {
    await page.fill('#address', 'Portalgatan 7');
    await page.fill('#district', 'Majorna');
    await page.fill('#municipality', 'Göteborg');
    await page.fill('#rooms', '1,5');
    await page.fill('#areaM2', '41');
    await page.fill('#monthlyRent', '7 400');
    await page.fill('#floor', '2');
    await page.check('#lift');
    await page.fill('#applicationDeadline', deadline);
    await page.fill('#moveInDate', addDays(today, 45));
  }

  let publishedPath = '';
  let keyboardPath = '';

  test('the administrator adds a letting agent, who publishes from the guideline after a preview and finds it in My listings', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(url('/hyresvard'));
    await page.waitForURL(/\/hyresvard\/logga-in/);
    await check(page, 'landlord-sign-in-sv');
    await page.fill('#email', DEMO_LANDLORD_CREDENTIALS.email);
    await page.fill('#password', 'not the password');
    await page.click('main button:has-text("Logga in")');
    expect(await page.locator('.ds-error-summary').innerText()).toContain('E-postadressen eller lösenordet stämmer inte');

    await page.fill('#password', DEMO_LANDLORD_CREDENTIALS.password);
    await page.click('main button:has-text("Logga in")');
    await page.waitForURL(url('/hyresvard'));
    const organisation = await page.locator('main').innerText();
    expect(organisation).toContain('Demo Bostäder AB');
    expect(organisation).toContain('Gällande');
    expect(organisation).toContain('Alla versioner av policyn');
    await check(page, 'landlord-organisation-sv');

    // A refused user: the password is too short, said at its field.
    await page.fill('#name', 'Lars Uthyrare');
    await page.fill('#email', agent.email);
    await page.fill('#password', 'short');
    await page.click('button:has-text("Lägg till användaren")');
    expect(await page.locator('#password-error').innerText()).toContain('minst 12 tecken');
    await check(page, 'landlord-add-user-refused-sv');
    await page.fill('#password', agent.password);
    await page.selectOption('#role', 'letting-agent');
    await page.click('button:has-text("Lägg till användaren")');
    await page.waitForURL(/\/hyresvard(#users-heading)?$/);
    expect(await page.locator('main').innerText()).toContain(agent.email);
    await page.click('button:has-text("Logga ut från hyresvärdsportalen")');
    await page.waitForURL(/\/hyresvard\/logga-in$/);

    await signInAsLandlord(page, url, agent, '/hyresvard/annonser/ny');
    await page.selectOption('#typ', 'youth');
    await page.click('button:has-text("Fyll i kraven för typen")');
    // The demo guideline's youth override, and the type's age range.
    expect(await page.inputValue('#requirements-minAge')).toBe('18');
    expect(await page.inputValue('#requirements-maxAge')).toBe('25');
    await check(page, 'landlord-publish-sv');

    await page.click('button:has-text("Förhandsgranska")');
    expect(await page.locator('.ds-error-summary').innerText()).toContain('Ange gatuadress');
    await fillFlat(page, addDays(today, 90));
    await page.click('button:has-text("Förhandsgranska")');
    const preview = await page.locator('main').innerText();
    expect(preview).toContain('Portalgatan 7');
    expect(preview).toContain('Ålder 18–25 år');
    await check(page, 'landlord-preview-sv');
    // The listings app refuses the deadline: its rule is shown at the field.
    await page.click('button:has-text("Publicera annonsen")');
    expect(await page.locator('#applicationDeadline-error').innerText()).toMatch(/högst \d+ dagar efter publiceringen/);
    await check(page, 'landlord-publish-refused-sv');
    await page.fill('#applicationDeadline', addDays(today, 10));
    await page.click('button:has-text("Förhandsgranska")');
    await page.click('button:has-text("Publicera annonsen")');
    await page.waitForURL(/\/hyresvard\/annonser\/[0-9a-f-]{36}$/);
    publishedPath = new URL(page.url()).pathname;
    expect(await page.locator('main').innerText()).toContain('Annonsen är publicerad');
    await check(page, 'landlord-listing-sv');

    await page.goto(url('/hyresvard/annonser'));
    expect(await page.locator('main').innerText()).toContain('Portalgatan 7, Majorna');
    await check(page, 'landlord-my-listings-sv');
    await page.click('a:has-text("In English")');
    expect(await page.locator('main').innerText()).toContain('Open for applications');
    await check(page, 'landlord-my-listings-en');
    await context.close();
  });

  test("another landlord's agent is refused the first landlord's listing, and a seeker is sent to the landlord sign-in", async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signInAsLandlord(page, url, otherAgent);
    for (const path of [publishedPath]) {
      const response = await page.goto(url(path));
      expect([403, 404]).toContain(response?.status());
      expect(await page.locator('main').innerText()).not.toContain('Portalgatan');
      await check(page, 'landlord-other-refused-sv');
    }
    // A landlord is not a seeker: Mina sidor asks for a seeker's sign-in.
    await page.goto(url('/mina-sidor'));
    await page.waitForURL(/\/logga-in\?nasta=/);
    await context.close();

    const seeker = await newPage();
    await registerSeeker(seeker, url, { name: 'Sökande Testsson', email: 'sokande@example.se', password: 'correct horse battery staple' });
    await seeker.goto(url(publishedPath));
    await seeker.waitForURL(/\/hyresvard\/logga-in\?nasta=/);
    // Still signed in as a seeker: opening a landlord page did not sign them out.
    await seeker.goto(url('/mina-sidor'));
    expect(seeker.url()).toBe(url('/mina-sidor'));
    await seeker.context().close();
  });

  test('publishing by keyboard alone', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(url('/hyresvard/annonser/ny'));
    await tabTo(page, '#email');
    await page.keyboard.type(agent.email);
    await tabTo(page, '#password');
    await page.keyboard.type(agent.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(url('/hyresvard/annonser/ny'));
    const typed: [string, string][] = [
      ['#address', 'Tangentgatan 3'],
      ['#district', 'Haga'],
      ['#municipality', 'Göteborg'],
      ['#rooms', '2'],
      ['#areaM2', '55'],
      ['#monthlyRent', '8200'],
      ['#floor', '1'],
    ];
    for (const [selector, value] of typed) {
      await tabTo(page, selector);
      await page.keyboard.type(value);
    }
    await tabTo(page, '#applicationDeadline');
    await page.keyboard.type(addDays(today, 12));
    await tabTo(page, '#moveInDate');
    await page.keyboard.type(addDays(today, 40));
    await tabTo(page, 'button[value="preview"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('text=Förhandsgranska annonsen');
    await tabTo(page, 'button[value="publish"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/hyresvard\/annonser\/[0-9a-f-]{36}$/);
    expect(await page.locator('h1').innerText()).toBe('Tangentgatan 3');
    keyboardPath = new URL(page.url()).pathname;
    await context.close();
  });

  test('on the training clock: the ranking after the close, a showing booked, the proposal approved and the contract recorded, all from the pages', async () => {
    const { APPLICANTS_URL, LISTINGS_URL } = site.system.urls;
    const listingId = keyboardPath.split('/').pop() ?? '';
    // A seeker applies and staff verify: their steps have their own pages and tests.
    const number = personnummer();
    const { applicantId, logPosition } = await api<{ applicantId: string }>(APPLICANTS_URL, 'POST', '/applicants', undefined, {
      personnummer: number,
      name: 'Sara Sökande',
      email: 'sara@example.se',
      password: PASSWORD,
    });
    const seeker = (await api<{ access_token: string }>(APPLICANTS_URL, 'POST', '/applicants/sign-in', undefined, { personnummer: number, password: PASSWORD })).access_token;
    const applied = await api<{ applicationId: string }>(
      LISTINGS_URL,
      'POST',
      '/applications',
      seeker,
      { listingId, householdSize: 2, taxableIncome: 600_000, nonTaxableIncome: 0, hasPaymentRemarks: false },
      logPosition,
    );
    expect(applicantId).toBeTruthy();
    const admin = (await api<{ access_token: string }>(APPLICANTS_URL, 'POST', '/auth/token', undefined, { username: 'admin@test.se', password: 'Admin-pass-1' })).access_token;
    const staff = (await api<{ access_token: string }>(LISTINGS_URL, 'POST', '/auth/token', undefined, { username: 'staff@test.se', password: 'Staff-pass-1' })).access_token;
    const moved = await api<{ businessDate: string }>(APPLICANTS_URL, 'POST', '/training-clock', admin, { days: 13 });

    const context = await newContext();
    const page = await context.newPage();
    await signInAsLandlord(page, url, agent, keyboardPath);
    await untilShown(page, '1 ansökningar, 1 uppfyllde kraven');
    expect(await page.locator('main').innerText()).toContain('Rangordnad');
    await check(page, 'landlord-ranked-sv');

    // A refused showing: the time is no time, said at its field; then booked.
    const slotDay = addDays(moved.businessDate, 2);
    await page.fill('#showing-date', slotDay);
    await page.fill('#showing-start', 'sen eftermiddag');
    await page.fill('#showing-end', '16:30');
    await page.click('button:has-text("Boka visningen")');
    expect(await page.locator('#showing-start-error').innerText()).toContain('Ange starttid');
    await check(page, 'landlord-showing-refused-sv');
    await page.fill('#showing-start', '16:00');
    await page.click('button:has-text("Boka visningen")');
    expect(await page.locator('main').innerText()).toContain('Visningen är bokad');
    expect(await page.locator('main').innerText()).toContain('1 inbjudna');

    await api(LISTINGS_URL, 'POST', `/applications/${applied.applicationId}/interest`, seeker, { interested: true });
    await verifyCertificates(LISTINGS_URL, staff, listingId, applied.applicationId, moved.businessDate);
    await untilShown(page, 'Sökande på plats 1');
    const proposal = await page.locator('main').innerText();
    expect(proposal).toContain('Väntar på ert beslut');
    expect(proposal).toContain('Ja, intygen uppfyller kraven');
    expect(proposal).not.toContain('Sara');
    await check(page, 'landlord-proposal-sv');

    // A reason too short to tell the seeker anything is refused at its field.
    await page.locator('input[id^="reason-"]').fill('x');
    await page.click('button:has-text("Godkänn inte")');
    expect(await page.locator('.ds-error-summary').innerText()).toContain('minst 3 tecken');
    await page.click('button:has-text("Godkänn den sökande")');
    expect(await page.locator('main').innerText()).toContain('Godkänd, väntar på kontrakt');
    await page.locator('input[id^="contractDate-"]').fill(addDays(moved.businessDate, 5));
    await page.click('button:has-text("Registrera kontraktet")');
    expect(await page.locator('main').innerText()).toContain('Kontraktet är registrerat');
    await untilShown(page, 'Hyresgäst, kontrakt undertecknat');
    await check(page, 'landlord-let-sv');
    await context.close();
  });
});
