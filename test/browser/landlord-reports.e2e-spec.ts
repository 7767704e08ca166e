import { jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { DEMO_LANDLORD_CREDENTIALS } from '../../apps/landlords/src/demo/demo-landlord.js';
import { addDays, stockholmDate } from '@bostadsko/calendar';
import { api, otherLandlordsAgent, verifyCertificates } from './app-api.js';
import { check } from './page-check.js';
import { personnummer } from './personnummer.js';
import { signInAsLandlord } from './sign-in.js';
import { suite, systemInChromium } from './system-in-chromium.js';
import { untilShown } from './until-shown.js';

// A letting on the training clock, then pages each checked by axe and photographed twice: bounded, but not by jest's 60 s for a unit.
jest.setTimeout(240_000);

const PASSWORD = 'a long landlord password';
const today = stockholmDate(new Date());

/** Retries a step that waits on a job or a read model (the close after the clock moved), until it succeeds or time is up. */
async function eventually<T>(step: () => Promise<T>, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await step();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

// The letting reaches the landlords app's reports through the bus: the pages are reloaded until it shows.
suite('the landlord portal: reports of a real letting with CSV, cases with the agency, other landlords refused', () => {
  let otherAgent: { email: string; password: string };
  let staff: string;
  let demoLandlordId: string;
  const letting = { listingId: '', contractDate: '' };
  let casePath = '';
  const site = systemInChromium(async ({ urls: { LANDLORDS_URL } }) => {
    staff = (await api<{ access_token: string }>(LANDLORDS_URL, 'POST', '/auth/token', undefined, { username: 'staff@test.se', password: 'Staff-pass-1' })).access_token;
    otherAgent = await otherLandlordsAgent(LANDLORDS_URL, staff, today);
  });
  const { url, newContext, newPage } = site;

  test('a demo flat let on the training clock shows in the lettings report, chart, table and CSV; the other flats as vacancies', async () => {
    const { APPLICANTS_URL, LISTINGS_URL, LANDLORDS_URL } = site.system.urls;
    // The letting, step by step as the other roles take them: a seeker applies, the deadline passes, a showing, verification, approval, contract.
    const { items } = await api<{ items: { listingId: string; district: string }[] }>(LISTINGS_URL, 'GET', '/listings');
    letting.listingId = items.find((item) => item.district === 'Majorna')?.listingId ?? '';
    const number = personnummer();
    const { logPosition } = await api(APPLICANTS_URL, 'POST', '/applicants', undefined, { personnummer: number, name: 'Rapport Sökande', email: 'rapport@example.se', password: PASSWORD });
    const seeker = (await api<{ access_token: string }>(APPLICANTS_URL, 'POST', '/applicants/sign-in', undefined, { personnummer: number, password: PASSWORD })).access_token;
    const applied = await api<{ applicationId: string }>(
      LISTINGS_URL,
      'POST',
      '/applications',
      seeker,
      { listingId: letting.listingId, householdSize: 2, taxableIncome: 600_000, nonTaxableIncome: 0, hasPaymentRemarks: false },
      logPosition,
    );
    const admin = (await api<{ access_token: string }>(APPLICANTS_URL, 'POST', '/auth/token', undefined, { username: 'admin@test.se', password: 'Admin-pass-1' })).access_token;
    const landlordToken = (await api<{ access_token: string }>(LANDLORDS_URL, 'POST', '/landlords/sign-in', undefined, DEMO_LANDLORD_CREDENTIALS)).access_token;
    demoLandlordId = (await api<{ landlordId: string }>(LANDLORDS_URL, 'GET', '/landlords/me', landlordToken)).landlordId;
    const moved = await api<{ businessDate: string }>(APPLICANTS_URL, 'POST', '/training-clock', admin, { days: 15 });
    const slotDay = addDays(moved.businessDate, 1);
    await eventually(() => api(LISTINGS_URL, 'POST', `/listings/${letting.listingId}/showings`, landlordToken, { slots: [{ startsAt: `${slotDay}T15:00:00Z`, endsAt: `${slotDay}T16:00:00Z` }] }));
    await eventually(() => api(LISTINGS_URL, 'POST', `/applications/${applied.applicationId}/interest`, seeker, { interested: true }));
    const verified = await eventually(() => verifyCertificates(LISTINGS_URL, staff, letting.listingId, applied.applicationId, moved.businessDate));
    // The proposal waits for the landlord: the portal's home says so, with the way to the listing.
    const context = await newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await signInAsLandlord(page, url, DEMO_LANDLORD_CREDENTIALS, '/hyresvard');
    await untilShown(page, 'En sökande (plats 1) är föreslagen och väntar på ert beslut', '#notices-heading + ul');
    expect(await page.locator('#notices-heading + ul a').first().getAttribute('href')).toBe(`/hyresvard/annonser/${letting.listingId}#proposals-heading`);
    await check(page, 'landlord-notices-sv');
    await eventually(() => api(LISTINGS_URL, 'POST', `/listings/${letting.listingId}/proposals/${verified.proposalId}/approve`, landlordToken));
    letting.contractDate = addDays(moved.businessDate, 3);
    await eventually(() => api(LISTINGS_URL, 'POST', `/listings/${letting.listingId}/proposals/${verified.proposalId}/contract`, landlordToken, { contractDate: letting.contractDate }));

    await page.goto(url('/hyresvard/rapporter'));
    // The period as the landlord's own dates: this year's first day to the contract's.
    await page.selectOption('#period', 'range');
    await page.fill('#from', `${letting.contractDate.slice(0, 4)}-01-01`);
    await page.fill('#to', letting.contractDate);
    // Vacancies on the contract's day: the flat let that day is no longer vacant.
    await page.fill('#on', letting.contractDate);
    await page.click('button:has-text("Visa rapporterna")');
    await page.waitForURL(/period=range/);
    const lettings = 'section[aria-labelledby="lettings-heading"]';
    await untilShown(page, 'Majorna, Göteborg, 2 rum', lettings);
    const section = await page.locator(lettings).innerText();
    expect(section).toMatch(/Uthyrda lägenheter\s+1/);
    expect(section).toContain('Vanlig');
    // The chart: an image with a name, pointing at the table with the same figures.
    const chart = page.locator(`${lettings} svg[role="img"]`).first();
    expect(await chart.getAttribute('aria-label')).toContain('uthyrda lägenheter per typ av bostad');
    expect(await chart.getAttribute('aria-describedby')).toBe('by-type-table');
    // Two charts of the one letting: flats let by type, and its days from publication to contract.
    expect(await page.locator(`${lettings} svg rect`).count()).toBe(2);
    expect(await page.locator(`${lettings} svg[aria-describedby="lettings-table"]`).innerHTML()).toContain('Majorna, Göteborg, 2 rum');
    // The other demo flats passed their deadline unlet: vacancies, with their own chart.
    const vacancies = await page.locator('section[aria-labelledby="vacancies-heading"]').innerText();
    expect(vacancies).toContain('Haga, Göteborg, 3 rum');
    expect(vacancies).not.toContain('Majorna');
    await check(page, 'landlord-reports-sv');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("Ladda ner uthyrningarna som CSV-fil")')]);
    expect(download.suggestedFilename()).toBe(`uthyrningar-${letting.contractDate.slice(0, 4)}-01-01-${letting.contractDate}.csv`);
    const csv = readFileSync((await download.path()) ?? '', 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(csv[0]).toContain('listingId');
    expect(csv).toHaveLength(2);
    expect(csv[1]).toContain(letting.listingId);
    expect(csv[1]).toContain(letting.contractDate);
    const vacancyHref = (await page.locator('a:has-text("Ladda ner vakanserna som CSV-fil")').getAttribute('href')) ?? '';
    expect(vacancyHref).toBe(`/hyresvard/rapporter/vakanser.csv?on=${letting.contractDate}`);
    const vacancyCsv = await page.request.get(url(vacancyHref));
    expect(vacancyCsv.headers()['content-type']).toContain('text/csv');
    const vacant = await vacancyCsv.text();
    expect(vacant).toContain('Haga');
    expect(vacant).not.toContain(letting.listingId);

    // A named period: the quarter the contract falls in, from the address as the form would send it.
    const quarter = `${letting.contractDate.slice(0, 4)}-Q${Math.ceil(Number(letting.contractDate.slice(5, 7)) / 3)}`;
    await page.goto(url(`/hyresvard/rapporter?period=${quarter}`));
    expect(await page.locator(lettings).innerText()).toContain('Majorna, Göteborg, 2 rum');
    expect(await page.locator('#period').inputValue()).toBe(quarter);
    await page.click('a:has-text("In English")');
    expect(await page.locator(lettings).innerText()).toMatch(/Flats let\s+1/);
    await check(page, 'landlord-reports-en');
    await page.click('a:has-text("På svenska")');

    // A range backwards is refused by the landlords app, said at the field.
    await page.goto(url(`/hyresvard/rapporter?period=range&from=${letting.contractDate}&to=${letting.contractDate.slice(0, 4)}-01-01`));
    expect(await page.locator('#to-error').innerText()).toContain('Perioden går inte att visa');
    await check(page, 'landlord-reports-refused-sv');
    await context.close();
  });

  test('a letting agent registers a case without JavaScript, staff answer, the agent writes again, staff close; every page in both languages', async () => {
    const { LANDLORDS_URL } = site.system.urls;
    const noScript = await newPage({ javaScriptEnabled: false });
    await signInAsLandlord(noScript, url, DEMO_LANDLORD_CREDENTIALS, '/hyresvard/arenden');
    expect(await noScript.locator('main').innerText()).toContain('Organisationen har inga ärenden ännu');
    await noScript.fill('#subject', 'x');
    await noScript.fill('#description', 'Vi vill kunna hämta de sökande till vårt hyressystem.');
    await noScript.click('button:has-text("Skicka ärendet")');
    expect(await noScript.locator('#subject-error').innerText()).toContain('3–200 tecken');
    expect(await noScript.inputValue('#description')).toBe('Vi vill kunna hämta de sökande till vårt hyressystem.');
    await noScript.selectOption('#category', 'improvement');
    await noScript.fill('#subject', 'Export av sökande till vårt hyressystem');
    await noScript.click('button:has-text("Skicka ärendet")');
    await noScript.waitForURL(/\/hyresvard\/arenden\/[0-9a-f-]{36}$/);
    casePath = new URL(noScript.url()).pathname;
    const registered = await noScript.locator('main').innerText();
    expect(registered).toContain('Ärendet är skickat till förmedlingen');
    expect(registered).toContain('Väntar på förmedlingen');
    expect(registered).toContain('Förbättringsförslag');

    const caseId = casePath.split('/').pop() ?? '';
    await api(LANDLORDS_URL, 'POST', `/landlords/${demoLandlordId}/cases/${caseId}/answer`, staff, { text: 'Det kommer i nästa version, i januari.' });
    await noScript.goto(url('/hyresvard'));
    await untilShown(noScript, 'Förmedlingen har svarat i ärendet ”Export av sökande till vårt hyressystem”');
    await noScript.click('a:has-text("Förmedlingen har svarat i ärendet")');
    await noScript.waitForURL(url(casePath));
    const answered = await noScript.locator('main').innerText();
    expect(answered).toContain('Svar från förmedlingen, ');
    expect(answered).toContain('Ärendet skickades: Karin Holm');
    expect(answered).toContain('Det kommer i nästa version, i januari.');
    expect(answered).toContain('Besvarat');

    const page = await newPage();
    await signInAsLandlord(page, url, DEMO_LANDLORD_CREDENTIALS, casePath);
    await check(page, 'landlord-case-answered-sv');
    await page.click('button:has-text("Skicka meddelandet")');
    expect(await page.locator('#text-error').innerText()).toContain('Skriv ett meddelande');
    await check(page, 'landlord-case-message-refused-sv');
    await page.fill('#text', 'Tack! Går det att få den som CSV redan nu?');
    await page.click('button:has-text("Skicka meddelandet")');
    await page.waitForURL(/\/hyresvard\/arenden\/[0-9a-f-]{36}(#history-heading)?$/);
    const written = await page.locator('main').innerText();
    expect(written).toContain('Meddelandet är skickat');
    expect(written).toContain('Tack! Går det att få den som CSV redan nu?');
    // The landlord's message reopened the answered case.
    expect(written).toContain('Väntar på förmedlingen');

    await api(LANDLORDS_URL, 'POST', `/landlords/${demoLandlordId}/cases/${caseId}/close`, staff, { text: 'Rapporterna har nu CSV-filer.' });
    await page.reload();
    const closed = await page.locator('main').innerText();
    expect(closed).toContain('Avslutat av förmedlingen');
    expect(await page.locator('#text').count()).toBe(0);
    await check(page, 'landlord-case-closed-sv');
    await page.goto(url('/hyresvard/arenden'));
    await untilShown(page, 'Avslutat');
    expect(await page.locator('main').innerText()).toContain('Export av sökande till vårt hyressystem');
    await check(page, 'landlord-cases-sv');
    await page.click('a:has-text("In English")');
    expect(await page.locator('main').innerText()).toContain('Improvement request');
    await check(page, 'landlord-cases-en');
    await page.click('a:has-text("På svenska")');
    await Promise.all([noScript.context().close(), page.context().close()]);
  });

  test("another landlord's agent sees nothing of the first landlord's case, letting or CSV; a visitor is sent to sign in", async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signInAsLandlord(page, url, otherAgent, '/hyresvard/rapporter');
    const response = await page.goto(url(casePath));
    expect(response?.status()).toBe(404);
    expect(await page.locator('main').innerText()).not.toContain('Export av sökande');
    await check(page, 'landlord-case-other-refused-sv');
    await page.goto(url('/hyresvard/arenden'));
    expect(await page.locator('main').innerText()).toContain('Organisationen har inga ärenden ännu');
    // A message posted to the case with a valid form token of its own session: refused by the landlords app, not written.
    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    const posted = await page.request.post(url(`${casePath}/meddelanden`), { form: { _csrf: csrf, text: 'Hej från fel organisation' } });
    expect(posted.status()).toBe(404);
    expect(await posted.text()).not.toContain('Export av sökande');
    await page.goto(url(`/hyresvard/rapporter?period=range&from=${letting.contractDate.slice(0, 4)}-01-01&to=${letting.contractDate}`));
    const reports = await page.locator('main').innerText();
    expect(reports).toContain('Inga lägenheter hyrdes ut under perioden');
    expect(reports).not.toContain('Majorna');
    const csv = await page.request.get(url(`/hyresvard/rapporter/uthyrningar.csv?from=${letting.contractDate.slice(0, 4)}-01-01&to=${letting.contractDate}`));
    expect(await csv.text()).not.toContain(letting.listingId);
    await context.close();

    const visitor = await newPage();
    for (const path of ['/hyresvard/rapporter', casePath, '/hyresvard/rapporter/uthyrningar.csv']) {
      await visitor.goto(url(path));
      await visitor.waitForURL(/\/hyresvard\/logga-in\?nasta=/);
    }
    await visitor.context().close();
  });
});
