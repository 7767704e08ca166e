import { jest } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { check } from './page-check.js';
import { applyToFirstListing, registerSeeker } from './sign-in.js';
import { suite, systemInChromium } from './system-in-chromium.js';

// A browser walk of many pages, each checked by axe and photographed twice: bounded, but not by jest's 60 s for a unit.
jest.setTimeout(180_000);

const PASSWORD = 'correct horse battery staple';
const HOSTILE = `Eve <img src=x onerror="window.pwned=1"><script>window.pwned=1</script>`;

suite('the website for a seeker, in Chromium', () => {
  const { url, newContext } = systemInChromium();

  const register = (page: Page, name: string): Promise<string> => registerSeeker(page, url, { name, email: 'seeker@example.se', password: PASSWORD });

  async function applyTo(page: Page, district: string, income: string): Promise<void> {
    await page.goto(url('/bostader'));
    await page.fill('#district', district);
    await page.click('button:has-text("Sök")');
    await page.waitForURL(/district=/);
    await applyToFirstListing(page, income);
  }

  test('public pages in Swedish and English pass axe signed out', async () => {
    const context = await newContext();
    const page = await context.newPage();
    for (const [path, name] of [
      ['/', 'start'],
      ['/sa-fungerar-kon', 'how-it-works'],
      ['/bostader', 'search'],
      ['/registrera', 'register'],
      ['/logga-in', 'sign-in'],
      ['/tillganglighet', 'accessibility'],
    ] as const) {
      await page.goto(url(path));
      await check(page, `${name}-sv`);
    }
    await page.goto(url('/bostader'));
    await page.click('text=In English');
    expect(await page.locator('h1').innerText()).toBe('Flats to rent');
    await check(page, 'search-en');
    await page.locator('.listing-list a').first().click();
    await check(page, 'listing-en');
    await page.click('text=På svenska');
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await context.close();
  });

  test('a seeker registers, is refused with the reason, applies elsewhere and sees their place; hostile input stays text', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await register(page, HOSTILE);
    expect(await page.locator('h1').first().innerText()).toContain('<img src=x');
    expect(await page.evaluate('window.pwned')).toBeUndefined();
    await check(page, 'mine-sv');

    await applyTo(page, 'Haga', '100000');
    // The whole main text, so a failure shows what the page said instead.
    expect(await page.locator('main').innerText()).toContain('Hushållets inkomst är lägre än hyresvärdens krav');
    await check(page, 'apply-refused-sv');

    await applyTo(page, 'Majorna', '600000');
    expect(await page.locator('.ds-alert').first().innerText()).toContain('Din ansökan är skickad');
    expect(await page.locator('.facts').first().innerText()).toContain('Plats 1 av 1 just nu');
    await check(page, 'application-sv');
    await page.click('text=Tillbaka till mina ansökningar');
    expect(await page.locator('table').first().innerText()).toContain('Järntorget 4');
    await check(page, 'applications-sv');

    for (const [path, name] of [
      ['/mina-sidor/kotid?datum=2030-01-01', 'queue-time'],
      ['/mina-sidor/avgift', 'fees'],
      ['/mina-sidor/uppgifter', 'my-data'],
    ] as const) {
      await page.goto(url(path));
      await check(page, `${name}-sv`);
    }
    expect(await page.locator('body').first().innerText()).toContain('Registrerad i bostadskön');

    const session = (await context.cookies()).find((cookie) => cookie.name === 'boko_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(await page.evaluate<string>('document.cookie')).not.toContain('boko_session');
    await context.close();
  });

  test('every signed-in page passes axe in English too', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await register(page, 'English Testsson');
    await applyTo(page, 'Majorna', '600000');
    const applicationPath = new URL(page.url()).pathname;
    await page.click('text=In English');
    const signedIn = [
      ['/mina-sidor', 'mine'],
      ['/mina-sidor/ansokningar', 'applications'],
      [applicationPath, 'application'],
      ['/mina-sidor/kotid?datum=2030-01-01', 'queue-time'],
      ['/mina-sidor/avgift', 'fees'],
      ['/mina-sidor/uppgifter', 'my-data'],
      ['/bostader?district=Haga', 'search-signed-in'],
    ];
    for (const [path, name] of signedIn) {
      await page.goto(url(path));
      await check(page, `${name}-en`);
    }
    await page.locator('.listing-list a').first().click();
    await check(page, 'listing-signed-in-en');
    await page.click('text=Apply for the flat');
    await check(page, 'apply-en');
    await context.close();
  });

  test('hostile input in every form field is shown back as text, never run', async () => {
    const context = await newContext();
    const page = await context.newPage();
    // Refused (no terms accepted), so the form comes back with every value the person typed.
    await page.goto(url('/registrera'));
    for (const field of ['#personnummer', '#name', '#email', '#phone', '#address-street', '#address-postalCode', '#address-city']) await page.fill(field, HOSTILE);
    await page.fill('#password', HOSTILE);
    await page.click('button:has-text("Registrera mig")');
    for (const field of ['#personnummer', '#name', '#email', '#phone', '#address-street', '#address-postalCode', '#address-city']) expect(await page.inputValue(field)).toBe(HOSTILE);
    // The search echoes its filters and the apply form its declaration; a date field takes only a date, so the queue-time page gets its hostile date in the address.
    await page.goto(url(`/bostader?municipality=${encodeURIComponent(HOSTILE)}&district=${encodeURIComponent(HOSTILE)}`));
    expect(await page.inputValue('#municipality')).toBe(HOSTILE);
    await register(page, 'Hostile Forms');
    await page.goto(url('/bostader?district=Majorna'));
    await page.locator('.listing-list a').first().click();
    await page.click('text=Ansök till bostaden');
    await page.fill('#householdSize', '2');
    await page.fill('#taxableIncome', HOSTILE);
    await page.fill('#nonTaxableIncome', HOSTILE);
    await page.click('button:has-text("Skicka ansökan")');
    expect(await page.inputValue('#taxableIncome')).toBe(HOSTILE);
    expect(await page.inputValue('#nonTaxableIncome')).toBe(HOSTILE);
    expect(await page.locator('.ds-error-summary').innerText()).toContain('Ange hushållets skattepliktiga årsinkomst');
    await page.goto(url(`/mina-sidor/kotid?datum=${encodeURIComponent(HOSTILE)}`));
    expect(await page.evaluate('window.pwned')).toBeUndefined();
    expect(await page.locator('img[src=x]').count()).toBe(0);
    await context.close();
  });

  test('a form without the CSRF token or with a wrong one is refused with 403 and changes nothing', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await register(page, 'Csrf Testsson');
    await applyTo(page, 'Majorna', '600000');
    const applicationPath = new URL(page.url()).pathname;
    for (const form of [{ note: 'no token' }, { _csrf: 'forged' }] as Record<string, string>[]) {
      const refused = await context.request.post(url(`${applicationPath}/aterkalla`), { form, maxRedirects: 0 });
      expect(refused.status()).toBe(403);
    }
    await page.goto(url(applicationPath));
    expect(await page.locator('.facts').first().innerText()).toContain('Aktiv');
    await context.close();
  });

  test("a seeker can never see another seeker's application, and a signed-out visitor is sent to sign in and back", async () => {
    const first = await newContext();
    const firstPage = await first.newPage();
    await register(firstPage, 'Första Sökande');
    await applyTo(firstPage, 'Majorna', '600000');
    const theirs = new URL(firstPage.url()).pathname;

    const second = await newContext();
    const secondPage = await second.newPage();
    const pnr = await register(secondPage, 'Andra Sökande');
    const response = await secondPage.goto(url(theirs));
    expect(response?.status()).toBe(404);
    await secondPage.click('text=Logga ut');
    await secondPage.goto(url('/mina-sidor/kotid'));
    await secondPage.waitForURL(/\/logga-in\?nasta=%2Fmina-sidor%2Fkotid/);
    await secondPage.fill('#personnummer', pnr);
    await secondPage.fill('#password', PASSWORD);
    await secondPage.click('button:has-text("Logga in")');
    await secondPage.waitForURL(url('/mina-sidor/kotid'));
    await Promise.all([first.close(), second.close()]);
  });

  test('the whole flow works with JavaScript turned off, and the apply form by keyboard alone', async () => {
    const context: BrowserContext = await newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await register(page, 'Utan Skript');
    await page.goto(url('/bostader?district=Majorna'));
    await page.locator('.listing-list a').first().click();
    await page.click('text=Ansök till bostaden');
    await page.focus('#householdSize');
    await page.keyboard.type('1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('500000');
    await page.keyboard.press('Enter');
    expect(await page.locator('.facts').first().innerText()).toMatch(/Plats \d+ av \d+ just nu/);
    await context.close();
  });
});
