import { jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { randomInt } from 'node:crypto';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ocrFromNumber } from '../../apps/applicants/src/fees/ocr.js';
import { DEMO_LANDLORD_CREDENTIALS } from '../../apps/landlords/src/demo/demo-landlord.js';
import { luhnCheckDigit } from '../../apps/landlords/src/organisation/organisation-number.js';
import { addDays, stockholmDate } from '@bostadsko/calendar';
import { check } from './page-check.js';
import { personnummer } from './personnummer.js';
import { registerSeeker, signInAsStaff } from './sign-in.js';
import { suite, systemInChromium } from './system-in-chromium.js';

const PASSWORD = 'correct horse battery staple';
const STAFF = { username: 'staff@test.se', password: 'Staff-pass-1' };
const ADMIN = { username: 'admin@test.se', password: 'Admin-pass-1' };
const ANALYST = { username: 'analyst@test.se', password: 'Analyst-pass-1' };
const REASON = 'Ärende 4711: sökanden ringde om sin köstart';

jest.setTimeout(180_000);

suite('the back office for staff: find a seeker with a reason, decide on queue time in a case, the access log; other roles refused', () => {
  const site = systemInChromium();
  const { url, newPage } = site;
  const seekerPnr = personnummer();
  let seekerPath = '';

  async function search(page: Page, query: string, reason = REASON): Promise<void> {
    await page.fill('#skal', reason);
    await page.fill('#sok', query);
    await page.click('main button:has-text("Sök")');
    await page.waitForLoadState();
  }

  /** Reloads until the page shows `text`: a search reads a read model that follows the registration. */
  async function untilFound(page: Page, query: string, text: string): Promise<void> {
    const until = Date.now() + 30_000;
    for (;;) {
      await search(page, query);
      if ((await page.locator('main').innerText()).includes(text)) return;
      if (Date.now() > until) throw new Error(`"${text}" not found by "${query}"`);
      await page.waitForTimeout(250);
    }
  }

  test('a case officer finds the seeker, registers a case, corrects the queue start in it with the reasons shown, and answers it', async () => {
    const seeker = await newPage();
    await registerSeeker(seeker, url, { name: 'Signe Köqvist', email: 'signe@example.se', password: PASSWORD, personnummer: seekerPnr });

    const page = await newPage();
    await page.goto(url('/handlaggare'));
    await page.waitForURL(/\/handlaggare\/logga-in\?nasta=/);
    await check(page, 'staff-sign-in-sv');
    await signInAsStaff(page, url, STAFF);
    await check(page, 'staff-search-sv');

    // No reason: the applicants app refuses, and the page says so at the reason field.
    await search(page, 'Köqvist', '');
    expect(await page.locator('#skal-error').innerText()).toContain('Ange varför');
    await check(page, 'staff-search-refused-sv');

    await untilFound(page, 'köqv signe', 'Signe Köqvist');
    expect(await page.locator('main').innerText()).toContain('Sökt på namn.');
    await check(page, 'staff-search-hits-sv');
    await page.click('main a:has-text("Signe Köqvist")');
    seekerPath = new URL(page.url()).pathname;
    expect(seekerPath).toMatch(/^\/handlaggare\/sokande\/[0-9a-f-]{36}$/);
    const main = () => page.locator('main').innerText();
    expect(await main()).toContain('signe@example.se');
    expect(await main()).toContain('Registrerad i bostadskön');
    await check(page, 'staff-seeker-sv');

    // A decision without a case, date or explanation: the app's reasons at each field.
    await page.click('main button:has-text("Fatta beslut")');
    await page.waitForLoadState();
    expect(await page.locator('#kb-arende-error').innerText()).toContain('Välj det ärende');
    expect(await page.locator('#kb-kostart-error').innerText()).toContain('ÅÅÅÅ-MM-DD');
    expect(await page.locator('#kb-motivering-error').innerText()).toContain('5 till 2 000 tecken');
    await check(page, 'staff-decision-refused-sv');

    await page.selectOption('#ar-kanal', 'phone');
    await page.fill('#ar-rubrik', 'Fel köstart');
    await page.fill('#ar-beskrivning', 'Sökanden stod i kön redan 2019 enligt tidigare system.');
    await page.click('main button:has-text("Registrera ärende")');
    await page.waitForURL(`${url(seekerPath)}#cases-heading`);
    expect(await main()).toContain('Ärendet är registrerat.');

    const caseId = await page.locator('#kb-arende option:has-text("Fel köstart")').getAttribute('value');
    await page.selectOption('#kb-arende', caseId ?? '');
    await page.selectOption('#kb-skal', 'restored-after-agency-error');
    await page.fill('#kb-kostart', '2019-03-01');
    await page.fill('#kb-motivering', 'Köstarten från det tidigare systemet fördes inte över.');
    await page.click('main button:has-text("Fatta beslut")');
    await page.waitForURL(`${url(seekerPath)}#history-heading`);
    expect(await main()).toContain('Köstart ändrad');
    expect(await main()).toContain('Återställd efter fel hos förmedlingen – Köstarten från det tidigare systemet fördes inte över.');
    expect(await main()).toContain('1 mars 2019');
    // The decision says who took it, by name and role, not by account id.
    expect(await page.locator('section[aria-labelledby="history-heading"]').innerText()).toContain('Sara Svensson (handläggare)');

    await page.fill(`#sv-${caseId}`, 'Vi har återställt din köstart till 1 mars 2019.');
    await page.click('main button:has-text("Skicka svar")');
    await page.waitForURL(`${url(seekerPath)}#cases-heading`);
    expect(await main()).toContain('Vi har återställt din köstart');
    expect(await page.locator('section[aria-labelledby="cases-heading"]').innerText()).toContain('Sara Svensson (handläggare)');
    await check(page, 'staff-seeker-decided-sv');

    // English, from the link at the top.
    await page.click('a[hreflang="en"]');
    await page.waitForURL(url(seekerPath));
    expect(await main()).toContain('Queue start changed');
    await check(page, 'staff-seeker-en');
    await page.click('a[hreflang="sv"]');

    // The seeker sees the restored queue start with its explanation, and in the register extract who looked and why.
    await seeker.goto(url('/mina-sidor/kotid'));
    expect(await seeker.locator('main').innerText()).toContain('1 mars 2019');
    await seeker.goto(url('/mina-sidor/uppgifter'));
    expect(await seeker.locator('main').innerText()).toContain(REASON);
    await seeker.context().close();
    await page.context().close();
  });

  test('an administrator reads who looked at the seeker, when and why; a case officer may not', async () => {
    const page = await newPage();
    await signInAsStaff(page, url, ADMIN);
    await search(page, seekerPnr, 'Uppföljning av åtkomst, ärende 4712');
    expect(await page.locator('main').innerText()).toContain('Sökt på personnummer.');
    await page.click('main a:has-text("Signe Köqvist")');
    await page.click('main a:has-text("Åtkomstlogg")');
    await page.waitForURL(url(`${seekerPath}/atkomstlogg`));
    const log = await page.locator('main').innerText();
    expect(log).toContain(REASON);
    expect(log).toContain('POST /applicants/search');
    expect(log).toContain('Uppföljning av åtkomst, ärende 4712');
    // Who looked, by name and role: the case officer of the first test, and the administrator by username (the seed gave no name).
    expect(log).toContain('Sara Svensson (handläggare)');
    expect(log).toContain('admin@test.se (administratör)');
    await check(page, 'staff-access-log-sv');
    await page.context().close();

    const officer = await newPage();
    await signInAsStaff(officer, url, STAFF);
    const refused = await officer.goto(url(`${seekerPath}/atkomstlogg`));
    expect(refused?.status()).toBe(403);
    expect(await officer.locator('main').innerText()).not.toContain(REASON);
    await officer.context().close();
  });

  test('cases: the inbox shows open cases from seekers and landlords; a landlord case answered, refused empty first, and closed', async () => {
    // The landlord's question is the landlord's own step, through the landlords app (the portal has no case pages yet).
    const { LANDLORDS_URL } = site.system.urls;
    const signedIn = (await (
      await fetch(`${LANDLORDS_URL}/landlords/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_LANDLORD_CREDENTIALS) })
    ).json()) as { access_token: string };
    const landlordId = (JSON.parse(Buffer.from(signedIn.access_token.split('.')[1], 'base64url').toString()) as { landlordId: string }).landlordId;
    const asked = await fetch(`${LANDLORDS_URL}/landlords/${landlordId}/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${signedIn.access_token}` },
      body: JSON.stringify({ category: 'question', subject: 'Hur länge gäller visningsbesked?', description: 'Vi undrar hur länge de sökande har på sig.' }),
    });
    expect(asked.status).toBe(201);

    const page = await newPage();
    await signInAsStaff(page, url, STAFF);
    await search(page, seekerPnr);
    await page.click('main a:has-text("Signe Köqvist")');
    await page.selectOption('#ar-kanal', 'visit');
    await page.fill('#ar-rubrik', 'Ny adress');
    await page.fill('#ar-beskrivning', 'Sökanden har flyttat och vill ändra adress.');
    await page.click('main button:has-text("Registrera ärende")');
    await page.waitForURL(`${url(seekerPath)}#cases-heading`);

    await page.goto(url('/handlaggare/arenden'));
    const inbox = await page.locator('main').innerText();
    expect(inbox).toContain('Ny adress');
    expect(inbox).toContain('Hur länge gäller visningsbesked?');
    expect(inbox).not.toContain('Fel köstart');
    await check(page, 'staff-inbox-sv');
    await page.click('main a:has-text("Ny adress")');
    expect(page.url()).toContain(`${seekerPath}#case-`);
    await page.goto(url('/handlaggare/arenden'));

    await page.click('main a:has-text("Hur länge gäller visningsbesked?")');
    const casePath = new URL(page.url()).pathname;
    expect(await page.locator('main').innerText()).toContain('Vi undrar hur länge de sökande har på sig.');
    await page.click('main button:has-text("Skicka svar")');
    await page.waitForLoadState();
    expect(await page.locator('#svar-error').innerText()).toContain('1 till 10 000 tecken');
    await check(page, 'staff-landlord-case-refused-sv');
    await page.fill('#svar', 'Svaret ska komma inom tre dagar efter visningen.');
    await page.click('main button:has-text("Skicka svar")');
    await page.waitForURL(url(casePath));
    expect(await page.locator('main').innerText()).toContain('Förmedlingen svarade');
    await page.fill('#losning', 'Besvarat.');
    await page.click('main button:has-text("Stäng ärendet")');
    await page.waitForURL(url(casePath));
    expect(await page.locator('main').innerText()).toContain('Ärendet stängdes');
    expect(await page.locator('#svar').count()).toBe(0);
    await check(page, 'staff-landlord-case-sv');
    await page.goto(url('/handlaggare/arenden'));
    expect(await page.locator('main').innerText()).not.toContain('Hur länge gäller visningsbesked?');
    await page.context().close();
  });

  test('fees: a payment by hand refused at its field then registered, a bank file read in line by line, both in the discrepancy list', async () => {
    const page = await newPage();
    await signInAsStaff(page, url, STAFF, '/handlaggare/avgifter');
    await check(page, 'staff-fees-sv');
    const today = stockholmDate(new Date());
    const unknownOcr = ocrFromNumber(987_654);

    await page.fill('#reference', '12345');
    await page.fill('#amount', '200,00');
    await page.fill('#paidOn', today);
    await page.click('main button:has-text("Registrera betalning")');
    await page.waitForLoadState();
    expect(await page.locator('#reference-error').innerText()).toContain('OCR-numret');
    await check(page, 'staff-fees-refused-sv');

    await page.fill('#reference', unknownOcr);
    await page.click('main button:has-text("Registrera betalning")');
    await page.waitForLoadState();
    expect(await page.locator('main [role="status"]').first().innerText()).toContain('Ingen matchande avi: okänt OCR-nummer');

    const dir = mkdtempSync(join(tmpdir(), 'boko-bank-'));
    const file = join(dir, 'bg.csv');
    writeFileSync(file, `paidOn;reference;amount;bankReference\n${today};${ocrFromNumber(123_456)};150,00;BG-TEST-1\nnot a payment line\n`);
    await page.setInputFiles('#fil', file);
    await page.click('main button:has-text("Läs in filen")');
    await page.waitForLoadState();
    const report = await page.locator('main').innerText();
    expect(report).toContain('Vad filen registrerade');
    expect(report).toContain('Ingen matchande avi');
    expect(report).toContain('Ogiltig rad');
    await check(page, 'staff-fees-file-sv');

    await page.click('main a:has-text("Avvikelser att utreda")');
    await page.waitForURL(url('/handlaggare/avgifter/avvikelser'));
    const list = await page.locator('main').innerText();
    expect(list).toContain(unknownOcr);
    expect(list).toContain(ocrFromNumber(123_456));
    expect(list).toContain('Oläsbar rad i fil – raden kunde inte läsas – rad 3: ”not a payment line”');
    expect(list).not.toContain('[object Object]');
    await check(page, 'staff-discrepancies-sv');

    // Resolving one: refused at its field without a reason, then paid back; it leaves the list.
    await page.click(`main tr:has-text("${unknownOcr}") a:has-text("Lös")`);
    await page.waitForURL(/\/handlaggare\/avgifter\/avvikelser\/losa\?id=/);
    await check(page, 'staff-resolve-discrepancy-sv');
    await page.selectOption('#resolution', 'refunded');
    await page.click('main button:has-text("Lös avvikelsen")');
    await page.waitForLoadState();
    expect(await page.locator('#note-error').innerText()).toContain('motivering');
    await check(page, 'staff-resolve-refused-sv');
    await page.fill('#note', 'Okänt OCR-nummer: pengarna betalas tillbaka till avsändaren');
    await page.click('main button:has-text("Lös avvikelsen")');
    await page.waitForLoadState();
    expect(await page.locator('main [role="status"]').innerText()).toContain('Avvikelsen är löst: återbetald');
    expect(await page.locator('main table').innerText()).not.toContain(unknownOcr);
    expect(await page.locator('main table').innerText()).toContain(ocrFromNumber(123_456));
    // Among the resolved ones: how, by whom (by name and role) and why.
    await page.click('main nav a:has-text("Lösta")');
    await page.waitForURL(url('/handlaggare/avgifter/avvikelser?visa=losta'));
    expect(await page.locator(`main tr:has-text("${unknownOcr}")`).innerText()).toContain('återbetald – Sara Svensson (handläggare)');
    await check(page, 'staff-discrepancies-resolved-sv');
    await page.context().close();
  });

  test('policy settings: staff read the rules in force and their history; an administrator schedules a change, refused first with the reasons of the app', async () => {
    const officer = await newPage();
    await signInAsStaff(officer, url, STAFF, '/handlaggare/regler/listings');
    expect(await officer.locator('main').innerText()).toContain('Högst antal aktiva ansökningar');
    expect(await officer.locator('form[action="/handlaggare/regler/listings"]').count()).toBe(0);
    await check(officer, 'staff-policy-sv');
    await officer.context().close();

    const page = await newPage();
    await signInAsStaff(page, url, ADMIN, '/handlaggare/regler/applicants');
    const today = stockholmDate(new Date());
    await page.selectOption('#setting', 'annualFee');
    await page.fill('#value', '99999');
    await page.fill('#effectiveFrom', addDays(today, 30));
    await page.fill('#reason', 'Styrelsebeslut 2026-11-20, § 4');
    await page.click('main button:has-text("Spara ändringen")');
    await page.waitForLoadState();
    expect(await page.locator('#value-error').innerText()).toContain('annualFee must be between 0 and 10000');
    await check(page, 'staff-policy-refused-sv');
    await page.fill('#value', '250');
    await page.fill('#effectiveFrom', addDays(today, -1));
    await page.click('main button:has-text("Spara ändringen")');
    await page.waitForLoadState();
    expect(await page.locator('#effectiveFrom-error').innerText()).toContain('never rewrites history');
    await page.fill('#effectiveFrom', addDays(today, 30));
    await page.click('main button:has-text("Spara ändringen")');
    await page.waitForURL(url('/handlaggare/regler/applicants'));
    const main = await page.locator('main').innerText();
    expect(main).toContain('Ändringen är sparad');
    expect(main).toContain('Styrelsebeslut 2026-11-20, § 4');
    expect(main).toContain('kommande');
    // In force today: still the default until the date comes.
    expect(await page.locator('main table').first().innerText()).toContain('200');
    await check(page, 'staff-policy-changed-sv');
    await page.context().close();
  });

  test('landlords: staff sign the agreement of an interested organisation and create its first administrator, who then signs in; the agreement suspended', async () => {
    // The organisation's interest form is its own step, through the landlords app (it has no page here).
    const nine = `556${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
    const registered = await fetch(`${site.system.urls.LANDLORDS_URL}/landlords`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Tredje Fastigheter AB',
        organisationNumber: `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`,
        contact: { name: 'Tora Tredje', email: 'tora@tredje.se' },
      }),
    });
    expect(registered.status).toBe(201);
    const today = stockholmDate(new Date());

    const page = await newPage();
    await signInAsStaff(page, url, STAFF, '/handlaggare/hyresvardar?status=interested');
    await check(page, 'staff-landlords-sv');
    await page.click('main a:has-text("Tredje Fastigheter AB")');
    const organisationPath = new URL(page.url()).pathname;
    const main = () => page.locator('main').innerText();
    expect(await main()).toContain('Inget avtal ännu');

    await page.fill('#av-fran', addDays(today, -1));
    await page.fill('#av-villkor', 'Standardavtal 2026, avgift 1 500 kr per uthyrning');
    await page.click('main button:has-text("Teckna avtalet")');
    await page.waitForLoadState();
    expect(await page.locator('#av-fran-error').innerText()).toContain('Datumet har passerat');
    await check(page, 'staff-landlord-refused-sv');
    await page.fill('#av-fran', today);
    await page.click('main button:has-text("Teckna avtalet")');
    await page.waitForURL(url(organisationPath));
    expect(await main()).toContain('Avtalet är tecknat.');
    expect(await page.locator('dl.facts').innerText()).toContain('Aktivt');

    await page.fill('#fa-namn', 'Tora Tredje');
    await page.fill('#fa-epost', 'admin@tredje.se');
    await page.fill('#fa-losen', 'kort');
    await page.click('main button:has-text("Lägg upp administratören")');
    await page.waitForLoadState();
    expect(await page.locator('#fa-losen-error').innerText()).toContain('12 till 200 tecken');
    expect(await page.locator('#fa-losen').inputValue()).toBe('');
    await page.fill('#fa-losen', 'ett långt första lösenord');
    await page.click('main button:has-text("Lägg upp administratören")');
    await page.waitForURL(url(organisationPath));
    expect(await main()).toContain('Tora Tredje (admin@tredje.se), Administratör');
    await check(page, 'staff-landlord-sv');

    const administrator = await newPage();
    await administrator.goto(url('/hyresvard/logga-in'));
    await administrator.fill('#email', 'admin@tredje.se');
    await administrator.fill('#password', 'ett långt första lösenord');
    await administrator.click('main button:has-text("Logga in")');
    await administrator.waitForURL(url('/hyresvard'));
    expect(await administrator.locator('main').innerText()).toContain('Tredje Fastigheter AB');
    await administrator.context().close();

    await page.fill('#su-fran', today);
    await page.fill('#su-skal', 'Obetalda förmedlingsavgifter');
    await page.click('main button:has-text("Stäng av")');
    await page.waitForURL(url(organisationPath));
    expect(await page.locator('dl.facts').innerText()).toContain('Avstängt');
    expect(await main()).toContain('Obetalda förmedlingsavgifter');
    await page.context().close();
  });

  test('analysts: the report builder from its own sign-in, a series with its chart and a breakdown with withheld cells marked, a refused fourth cut, the CSV and a shareable address; case officers refused', async () => {
    const page = await newPage();
    await page.goto(url('/handlaggare/logga-in'));
    await page.fill('#username', ANALYST.username);
    await page.fill('#password', ANALYST.password);
    await page.click('main button:has-text("Logga in")');
    await page.waitForURL(/\/handlaggare\/rapporter/);
    expect(await page.locator('nav[aria-label="Handläggning"]').innerText()).toBe('Rapporter');
    await check(page, 'analyst-reports-sv');

    await page.selectOption('#rapport', 'serie');
    await page.selectOption('#granularity', 'quarter');
    await page.click('main button:has-text("Visa rapporten")');
    await page.waitForURL(/rapport=serie/);
    expect(await page.locator('img.chart').count()).toBe(1);
    const chart = await page.request.get(url((await page.locator('img.chart').getAttribute('src')) ?? ''));
    expect(chart.headers()['content-type']).toContain('image/svg+xml');
    expect(await page.locator('#withheld-note').innerText()).toContain('Visas inte');
    await check(page, 'analyst-series-sv');

    const seriesPng = await page.request.get(url((await page.locator('main a:has-text("PNG")').getAttribute('href')) ?? ''));
    expect(seriesPng.headers()['content-type']).toBe('image/png');
    const seriesBytes = await seriesPng.body();
    expect(seriesBytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(seriesBytes.length).toBeGreaterThan(10_000);

    // The queue time needed and the seekers: each a table, a chart, its CSV and its PNG.
    await page.selectOption('#rapport', 'kotid');
    await page.click('main button:has-text("Visa rapporten")');
    await page.waitForURL(/rapport=kotid/);
    expect(await page.locator('main h2').first().innerText()).toContain('Kötid som behövdes');
    expect(await page.locator('img.chart').getAttribute('alt')).toContain('Rutnät över median kötid');
    const queueCsv = await page.request.get(url((await page.locator('main a:has-text("CSV")').getAttribute('href')) ?? ''));
    expect((await queueCsv.text()).split('\r\n')[0]).toBe('municipality,district,rooms,tenants,medianQueueDays,bandLow,bandHigh,suppressed');
    await check(page, 'analyst-queue-time-sv');

    await page.selectOption('#rapport', 'aldrar');
    await page.click('main button:has-text("Visa rapporten")');
    await page.waitForURL(/rapport=aldrar/);
    const ages = await page.locator('main table').innerText();
    expect(ages).toContain('18-25');
    expect(ages).toContain('65+');
    const agesCsv = await page.request.get(url((await page.locator('main a:has-text("CSV")').getAttribute('href')) ?? ''));
    expect(agesCsv.headers()['content-disposition']).toContain('seekers-by-age.csv');
    expect((await agesCsv.text()).split('\r\n')[0]).toMatch(/^ageGroup,registered,active/);
    const agesPng = await page.request.get(url((await page.locator('main a:has-text("PNG")').getAttribute('href')) ?? ''));
    expect(agesPng.headers()['content-type']).toBe('image/png');
    expect(agesPng.headers()['content-disposition']).toContain('seekers-by-age.png');
    expect((await agesPng.body()).subarray(1, 4).toString()).toBe('PNG');
    expect((await agesPng.body()).length).toBeGreaterThan(10_000);
    await check(page, 'analyst-age-groups-sv');

    await page.selectOption('#rapport', 'onskemal');
    await page.check('#by-listingType');
    await page.click('main button:has-text("Visa rapporten")');
    await page.waitForURL(/rapport=onskemal&.*by=listingType/);
    expect(await page.locator('main table thead').innerText()).toContain('Typ av bostad');
    const wantedCsv = await page.request.get(url((await page.locator('main a:has-text("CSV")').getAttribute('href')) ?? ''));
    expect((await wantedCsv.text()).split('\r\n')[0]).toBe('listingType,seekers,applications,suppressed');
    await check(page, 'analyst-wanted-sv');
    await page.uncheck('#by-listingType');

    await page.selectOption('#rapport', 'sokande');
    await page.click('main button:has-text("Visa rapporten")');
    await page.waitForURL(/rapport=sokande/);
    expect(await page.locator('main table thead').innerText()).toContain('Aktiva');
    await check(page, 'analyst-seekers-sv');

    await page.selectOption('#rapport', 'summering');
    for (const cut of ['municipality', 'district', 'rooms']) await page.check(`#by-${cut}`);
    await page.click('main button:has-text("Visa rapporten")');
    await page.waitForURL(/rapport=summering/);
    const shared = page.url();
    expect(shared).toContain('by=municipality&by=district&by=rooms');
    expect(await page.locator('main table').innerText()).toContain('Totalt');
    await check(page, 'analyst-summary-sv');
    const csv = await page.request.get(url((await page.locator('main a:has-text("CSV")').getAttribute('href')) ?? ''));
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');

    await page.check('#by-landlord');
    await page.click('main button:has-text("Visa rapporten")');
    await page.waitForLoadState();
    expect(await page.locator('#by-error, .ds-error-summary').first().innerText()).toContain('högst tre');
    await check(page, 'analyst-refused-sv');

    // The address is the report: another analyst's browser opens the same one.
    const other = await newPage();
    await other.goto(shared);
    await other.waitForURL(/\/handlaggare\/logga-in\?nasta=/);
    await other.fill('#username', ANALYST.username);
    await other.fill('#password', ANALYST.password);
    await other.click('main button:has-text("Logga in")');
    await other.waitForURL(shared);
    expect(await other.locator('#by-district').isChecked()).toBe(true);
    await other.context().close();
    await page.context().close();

    const officer = await newPage();
    await signInAsStaff(officer, url, STAFF);
    expect((await officer.goto(url('/handlaggare/rapporter')))?.status()).toBe(403);
    expect((await officer.goto(url('/handlaggare/rapporter/rapport.csv?rapport=summering')))?.status()).toBe(403);
    await officer.context().close();
  });

  test('a seeker, a landlord and an analyst opening staff pages are refused, and nothing of the seeker is shown', async () => {
    const seeker = await newPage();
    await registerSeeker(seeker, url, { name: 'Nyfiken Granne', email: 'granne@example.se', password: PASSWORD });
    for (const path of ['/handlaggare', seekerPath, `${seekerPath}/atkomstlogg`]) {
      await seeker.goto(url(path));
      await seeker.waitForURL(/\/handlaggare\/logga-in\?nasta=/);
      expect(await seeker.locator('main').innerText()).not.toContain('Signe');
    }
    // Still signed in as a seeker.
    await seeker.goto(url('/mina-sidor'));
    expect(seeker.url()).toBe(url('/mina-sidor'));
    await seeker.context().close();

    const landlord = await newPage();
    await landlord.goto(url('/hyresvard/logga-in'));
    await landlord.fill('#email', DEMO_LANDLORD_CREDENTIALS.email);
    await landlord.fill('#password', DEMO_LANDLORD_CREDENTIALS.password);
    await landlord.click('main button:has-text("Logga in")');
    await landlord.waitForURL(url('/hyresvard'));
    await landlord.goto(url(seekerPath));
    await landlord.waitForURL(/\/handlaggare\/logga-in\?nasta=/);
    expect(await landlord.locator('main').innerText()).not.toContain('Signe');
    await landlord.context().close();

    const analyst = await newPage();
    await analyst.goto(url('/handlaggare/logga-in'));
    await analyst.fill('#username', ANALYST.username);
    await analyst.fill('#password', ANALYST.password);
    await analyst.click('main button:has-text("Logga in")');
    await analyst.waitForLoadState();
    for (const path of [
      '/handlaggare',
      seekerPath,
      `${seekerPath}/atkomstlogg`,
      '/handlaggare/avgifter',
      '/handlaggare/avgifter/avvikelser',
      '/handlaggare/regler/applicants',
      '/handlaggare/hyresvardar',
    ]) {
      const response = await analyst.goto(url(path));
      expect(response?.status()).toBe(403);
      expect(await analyst.locator('main').innerText()).not.toContain('Signe');
    }
    await check(analyst, 'staff-analyst-refused-sv');
    await analyst.context().close();
  });

  // Last: it moves the training clock, which every later step would see.
  test('listings in progress: after the deadline the ranked listing, its stage, the verdict of the audit and the allocation step by step', async () => {
    const seeker = await newPage();
    await seeker.goto(url('/logga-in'));
    await seeker.fill('#personnummer', seekerPnr);
    await seeker.fill('#password', PASSWORD);
    await seeker.click('main button:has-text("Logga in")');
    await seeker.waitForURL(url('/mina-sidor'));
    await seeker.goto(url('/bostader'));
    await seeker.fill('#district', 'Majorna');
    await seeker.click('button:has-text("Sök")');
    await seeker.waitForURL(/district=/);
    await seeker.locator('.listing-list a').first().click();
    const listingPath = new URL(seeker.url()).pathname;
    await seeker.click('text=Ansök till bostaden');
    await seeker.fill('#householdSize', '1');
    await seeker.fill('#taxableIncome', '420000');
    await seeker.click('button:has-text("Skicka ansökan")');
    await seeker.waitForLoadState();
    await seeker.context().close();

    // The demo listings close in 14 days: an administrator moves the business date past it (the clock is training machinery, not a staff page).
    const admin = (await (
      await fetch(`${site.system.urls.APPLICANTS_URL}/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: ADMIN.username, password: ADMIN.password }),
      })
    ).json()) as { access_token: string };
    const moved = await fetch(`${site.system.urls.APPLICANTS_URL}/training-clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.access_token}` },
      body: JSON.stringify({ days: 15 }),
    });
    expect(moved.status).toBe(200);

    const page = await newPage();
    await signInAsStaff(page, url, STAFF, '/handlaggare/bostader');
    const listingId = listingPath.split('/').pop() ?? '';
    const until = Date.now() + 30_000;
    while (!(await page.locator(`main a[href="/handlaggare/bostader/${listingId}"]`).count())) {
      if (Date.now() > until) throw new Error(`${listingId} never in progress: ${await page.locator('main').innerText()}`);
      await page.waitForTimeout(250);
      await page.reload();
    }
    await check(page, 'staff-lettings-sv');
    await page.click(`main a[href="/handlaggare/bostader/${listingId}"]`);
    await page.waitForURL(url(`/handlaggare/bostader/${listingId}`));
    const main = await page.locator('main').innerText();
    expect(main).toContain('Rangordnad, uthyrning pågår');
    expect(main).toContain('Ranked: waiting for a showing to be scheduled');
    expect(main).toMatch(/Stämmer: fördelningen räknad på nytt ur loggen/);
    await page.click('main button:has-text("Tillämpa passerade svarstider")');
    await page.waitForURL(url(`/handlaggare/bostader/${listingId}`));
    expect(await page.locator('main').innerText()).toContain('Passerade svarstider är tillämpade.');
    await check(page, 'staff-letting-sv');
    await page.context().close();
  });
});
