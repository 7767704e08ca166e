import { jest } from '@jest/globals';
import { randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { addDays, stockholmDate } from '@bostadsko/calendar';
import { organisationNumber } from '../support/swedish-numbers.js';
import { tabTo } from './keyboard.js';
import { check } from './page-check.js';
import { applyToFirstListing, registerSeeker, signInAsLandlord, signInAsStaff } from './sign-in.js';
import { suite, systemInChromium } from './system-in-chromium.js';
import { untilShown } from './until-shown.js';

// One letting from the landlord's interest form to the analysts' CSV, every step a page: bounded, but many pages each checked by axe.
jest.setTimeout(300_000);

const STAFF = { username: 'staff@test.se', password: 'Staff-pass-1' };
const ADMIN = { username: 'admin@test.se', password: 'Admin-pass-1' };
const ANALYST = { username: 'analyst@test.se', password: 'Analyst-pass-1' };
const SEEKER_PASSWORD = 'correct horse battery staple';
const today = stockholmDate(new Date());
/** A district no demo listing has, so the seekers' search and the analysts' report find this flat alone. */
const DISTRICT = `Kedjeby ${randomInt(1000, 9999)}`;
const DAYS_TO_DEADLINE = 7;
const CLOCK_DAYS = DAYS_TO_DEADLINE + 1;

// The close, the letting and the reports travel through jobs and read models: the pages are reloaded until each shows.
suite('the whole letting chain through pages only: interest, agreement, users, publishing, applying, the clock, showing, verification, proposal, contract, report', () => {
  const { url, newPage } = systemInChromium();
  const main = (page: Page) => page.locator('main').innerText();

  /** A seeker registers and applies on the website; returns their page and the application's address. */
  async function seekerApplies(name: string): Promise<{ page: Page; application: string }> {
    const page = await newPage();
    await registerSeeker(page, url, { name, email: `${name.split(' ')[0].toLowerCase()}@example.se`, password: SEEKER_PASSWORD });
    await page.goto(url(`/bostader?district=${encodeURIComponent(DISTRICT)}`));
    await untilShown(page, 'Kedjegatan 1');
    await applyToFirstListing(page);
    await page.waitForURL(/\/mina-sidor\/ansokningar\//);
    return { page, application: new URL(page.url()).pathname };
  }

  test('from the interest form to the CSV of the report', async () => {
    const organisation = { name: `Kedjans Fastigheter ${randomInt(1000, 9999)} AB`, number: organisationNumber() };
    const administrator = { email: `admin-${randomInt(1e9)}@kedjan.se`, password: 'ett långt första lösenord' };
    const agent = { email: `agent-${randomInt(1e9)}@kedjan.se`, password: 'förmedlarens långa lösenord' };

    // The organisation's interest, refused at its field first: the landlords app checks the organisation number.
    const interest = await newPage();
    await interest.goto(url('/hyresvard/logga-in'));
    await interest.click('main a:has-text("Gör en intresseanmälan")');
    await interest.waitForURL(url('/hyresvard/intresseanmalan'));
    await check(interest, 'chain-interest-sv');
    await interest.fill('#org-namn', organisation.name);
    await interest.fill('#org-nummer', '556677-8890');
    await interest.fill('#kontakt-namn', 'Kim Kedja');
    await interest.fill('#kontakt-epost', 'kim@kedjan.se');
    await interest.click('main button:has-text("Skicka intresseanmälan")');
    expect(await interest.locator('#org-nummer-error').innerText()).toContain('giltigt organisationsnummer');
    await check(interest, 'chain-interest-refused-sv');
    await interest.fill('#org-nummer', organisation.number);
    await interest.click('main button:has-text("Skicka intresseanmälan")');
    await interest.waitForURL(url('/hyresvard/intresseanmalan'));
    expect(await main(interest)).toContain('Intresseanmälan är mottagen');
    await interest.context().close();

    // Staff sign the agreement from today and create the first administrator.
    const staff = await newPage();
    await signInAsStaff(staff, url, STAFF, '/handlaggare/hyresvardar?status=interested');
    await untilShown(staff, organisation.name);
    await staff.click(`main a:has-text("${organisation.name}")`);
    const organisationPath = new URL(staff.url()).pathname;
    await staff.fill('#av-fran', today);
    await staff.fill('#av-villkor', 'Standardavtal 2026');
    await staff.click('main button:has-text("Teckna avtalet")');
    await staff.waitForURL(url(organisationPath));
    await staff.fill('#fa-namn', 'Ada Administratör');
    await staff.fill('#fa-epost', administrator.email);
    await staff.fill('#fa-losen', administrator.password);
    await staff.click('main button:has-text("Lägg upp administratören")');
    await staff.waitForURL(url(organisationPath));
    expect(await main(staff)).toContain(`Ada Administratör (${administrator.email}), Administratör`);

    // The administrator signs in and adds a letting agent.
    const landlord = await newPage();
    await signInAsLandlord(landlord, url, administrator);
    expect(await main(landlord)).toContain(organisation.name);
    await landlord.fill('#name', 'Frida Förmedlare');
    await landlord.fill('#email', agent.email);
    await landlord.fill('#password', agent.password);
    await landlord.selectOption('#role', 'letting-agent');
    await landlord.click('button:has-text("Lägg till användaren")');
    await landlord.waitForURL(/\/hyresvard(#users-heading)?$/);
    expect(await main(landlord)).toContain(agent.email);

    // The administrator records the organisation's letting guideline: refused at its field first (no one under 16 is in the queue).
    await landlord.fill('#effectiveFrom', today);
    await landlord.fill('#standard-incomeMultiple', '3');
    await landlord.fill('#standard-maxHouseholdSize', '4');
    await landlord.fill('#standard-minAge', '15');
    await landlord.fill('#reason', 'Styrelsebeslut: kedjans standardkrav');
    await landlord.click('main button:has-text("Spara den nya versionen")');
    expect(await landlord.locator('#standard-minAge-error').innerText()).toContain('Ange lägsta ålder');
    await check(landlord, 'chain-guideline-refused-sv');
    await landlord.fill('#standard-minAge', '');
    await landlord.click('main button:has-text("Spara den nya versionen")');
    await landlord.waitForURL(url('/hyresvard#guideline-heading'));
    expect(await main(landlord)).toContain('Riktlinjen är sparad');
    await check(landlord, 'chain-guideline-sv');
    await landlord.context().close();

    // The agent publishes a regular flat with the requirements prefilled from the guideline, after the preview.
    const agentPage = await newPage();
    await signInAsLandlord(agentPage, url, agent, '/hyresvard/annonser/ny');
    await agentPage.selectOption('#typ', 'regular');
    await agentPage.click('button:has-text("Fyll i kraven för typen")');
    expect(await agentPage.inputValue('#requirements-incomeMultiple')).toBe('3');
    expect(await agentPage.inputValue('#requirements-maxHouseholdSize')).toBe('4');
    await agentPage.fill('#address', 'Kedjegatan 1');
    await agentPage.fill('#district', DISTRICT);
    await agentPage.fill('#municipality', 'Göteborg');
    await agentPage.fill('#rooms', '2');
    await agentPage.fill('#areaM2', '52');
    await agentPage.fill('#monthlyRent', '7 900');
    await agentPage.fill('#floor', '3');
    await agentPage.fill('#applicationDeadline', addDays(today, DAYS_TO_DEADLINE));
    await agentPage.fill('#moveInDate', addDays(today, 60));
    await agentPage.click('button:has-text("Förhandsgranska")');
    await agentPage.click('button:has-text("Publicera annonsen")');
    await agentPage.waitForURL(/\/hyresvard\/annonser\/[0-9a-f-]{36}$/);
    const agentListing = new URL(agentPage.url()).pathname;
    const listingId = agentListing.split('/').pop() ?? '';

    // Three seekers apply from their pages, in this order: on equal queue time the earlier application ranks first.
    const first = await seekerApplies('Ella Först');
    const second = await seekerApplies('Otto Andra');
    const third = await seekerApplies('Tea Tredje');

    // The deadline passes on the training clock, moved by an administrator on its page; the close runs.
    const admin = await newPage();
    await signInAsStaff(admin, url, ADMIN, '/handlaggare/ovningsklocka');
    await check(admin, 'chain-clock-sv');
    await admin.fill('#klocka-dagar', 'en vecka');
    await admin.click('main button:has-text("Flytta klockan")');
    expect(await admin.locator('#klocka-dagar-error').innerText()).toContain('helt antal dagar');
    await admin.fill('#klocka-dagar', String(CLOCK_DAYS));
    await admin.click('main button:has-text("Flytta klockan")');
    await admin.waitForURL(url('/handlaggare/ovningsklocka'));
    expect(await main(admin)).toContain('Övningsklockan är flyttad');
    expect(await main(admin)).toContain(`${CLOCK_DAYS} dagar`);
    await admin.context().close();
    const businessDate = addDays(today, CLOCK_DAYS);

    // Staff: the listing in progress, its ranking with names after a stated reason.
    const lettingPath = `/handlaggare/bostader/${listingId}`;
    await staff.goto(url('/handlaggare/bostader'));
    await untilShown(staff, 'Kedjegatan 1');
    await staff.click(`main a[href="${lettingPath}"]`);
    await untilShown(staff, 'Rangordnad, uthyrning pågår');
    await check(staff, 'chain-letting-ranked-sv');
    await staff.click('main a:has-text("Rangordningen")');
    await staff.waitForURL(url(`${lettingPath}/rangordning`));
    const ranking = staff.locator('main table');
    expect(await ranking.innerText()).toContain('Namn visas efter angivet skäl');
    expect(await ranking.innerText()).not.toContain('Ella Först');
    await check(staff, 'chain-ranking-sv');
    await staff.fill('#skal', 'Uthyrning av Kedjegatan 1: visning och kontroll');
    await staff.click('main button:has-text("Visa namnen")');
    await staff.waitForURL(url(`${lettingPath}/rangordning?sida=1`));
    const rows = await staff.locator('main tbody tr').allInnerTexts();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^1\s+Ella Först\s+\d+\s+Inte kontrollerad$/);
    expect(rows[1]).toContain('Otto Andra');
    expect(rows[2]).toContain('Tea Tredje');
    await check(staff, 'chain-ranking-named-sv');

    // Staff book the showing: refused at its field first (a time that is none), then booked for the three.
    await staff.goto(url(lettingPath));
    const slotDay = addDays(businessDate, 1);
    await staff.fill('#vi-datum', slotDay);
    await staff.fill('#vi-start', 'efter lunch');
    await staff.fill('#vi-slut', '14:00');
    await staff.click('main button:has-text("Boka visningen")');
    expect(await staff.locator('#vi-start-error').innerText()).toContain('Ange starttid som TT:MM');
    await check(staff, 'chain-showing-refused-sv');
    await staff.fill('#vi-start', '13:00');
    await staff.click('main button:has-text("Boka visningen")');
    await staff.waitForURL(url(`${lettingPath}#showings-heading`));
    expect(await main(staff)).toContain('Visningen är bokad');
    expect(await staff.locator('#showings-heading ~ .table-scroll').innerText()).toContain('Inte svarat ännu');

    // The seekers answer on their pages: the first still wants the flat, the second does not, the third has not answered.
    for (const seeker of [first, second]) {
      await seeker.page.goto(url(seeker.application));
      await untilShown(seeker.page, 'Inbjudan till visning');
    }
    await first.page.click('button:has-text("Jag är fortfarande intresserad")');
    await second.page.click('button:has-text("Jag är inte intresserad")');
    await untilShown(staff, 'Fortsatt intresserad');
    const answers = await staff.locator('#showings-heading ~ .table-scroll').innerText();
    expect(answers).toContain('Avböjde');
    expect(answers).toContain('Inte svarat ännu');
    await check(staff, 'chain-showing-answers-sv');

    // Staff record the first's certificates by keyboard alone: the check passes and the proposal goes to the landlord.
    await untilShown(staff, 'Kontrollera intyg: plats 1');
    // Refused first at the fields: the household is no number; then the certificates cannot have arrived after the business date.
    await staff.fill('#certificatesReceivedOn', addDays(businessDate, 3));
    await staff.fill('#householdSize', 'två');
    await staff.click('main button:has-text("Registrera kontrollen")');
    expect(await staff.locator('#householdSize-error').innerText()).toContain('Ange hushållets storlek, 1 till 20');
    await staff.fill('#householdSize', '2');
    await staff.fill('#taxableIncome', '600000');
    await staff.fill('#nonTaxableIncome', '0');
    await staff.fill('#birthDate', '1990-06-15');
    await staff.selectOption('#hasPaymentRemarks', 'no');
    await staff.click('main button:has-text("Registrera kontrollen")');
    expect(await staff.locator('#certificatesReceivedOn-error').innerText()).toContain('Intygen kan inte ha kommit in senare än i dag');
    await check(staff, 'chain-verification-refused-sv');
    const typed: [string, string][] = [
      ['#certificatesReceivedOn', businessDate],
      ['#householdSize', '2'],
      ['#taxableIncome', '600000'],
      ['#nonTaxableIncome', '0'],
      ['#birthDate', '1990-06-15'],
    ];
    for (const [selector, value] of typed) {
      await tabTo(staff, selector);
      await staff.keyboard.press('Control+A');
      await staff.keyboard.type(value);
    }
    await tabTo(staff, '#hasPaymentRemarks');
    await staff.keyboard.type('Nej');
    await tabTo(staff, 'form[action$="/verifiering"] button[type="submit"]');
    await staff.keyboard.press('Enter');
    await staff.waitForURL(url(lettingPath));
    expect(await main(staff)).toContain('Väntar på hyresvärdens beslut');
    expect(await staff.locator('#proposals-heading ~ .table-scroll').innerText()).toContain('Uppfyller kraven');
    await check(staff, 'chain-proposal-sv');

    // The agent approves the proposal and records the contract; the staff see the tenant.
    await agentPage.goto(url(agentListing));
    await untilShown(agentPage, 'Sökande på plats 1');
    await agentPage.click('button:has-text("Godkänn den sökande")');
    expect(await main(agentPage)).toContain('Godkänd, väntar på kontrakt');
    const contractDate = addDays(businessDate, 2);
    await agentPage.locator('input[id^="contractDate-"]').fill(contractDate);
    await agentPage.click('button:has-text("Registrera kontraktet")');
    expect(await main(agentPage)).toContain('Kontraktet är registrerat');
    await agentPage.context().close();
    await staff.goto(url(lettingPath));
    await untilShown(staff, 'Kontrakt skrivet: hyresgäst');
    await staff.goto(url(`${lettingPath}/rangordning`));
    expect((await staff.locator('main tbody tr').allInnerTexts())[0]).toContain('Ja, intygen godkända');
    await staff.click('a:has-text("In English")');
    expect(await staff.locator('main thead').innerText()).toContain('Certificates checked');
    await check(staff, 'chain-ranking-en');
    // The clock is the administrators': a case officer is refused its page, and sees nothing of it.
    const refusedClock = await staff.goto(url('/handlaggare/ovningsklocka'));
    expect(refusedClock?.status()).toBe(403);
    expect(await main(staff)).not.toContain('Move the clock');
    await staff.context().close();

    // The first seeker sees that the flat is theirs.
    await first.page.goto(url(first.application));
    await untilShown(first.page, 'Bostaden är din');
    // A seeker opening the staff ranking is sent to the staff sign-in, with no name shown.
    await first.page.goto(url(`${lettingPath}/rangordning`));
    await first.page.waitForURL(/\/handlaggare\/logga-in\?nasta=/);
    expect(await main(first.page)).not.toContain('Otto Andra');
    await Promise.all([first, second, third].map(({ page }) => page.context().close()));

    // The analyst finds the letting in the report by district (one letting: withheld, not left out) and downloads the CSV.
    const analyst = await newPage();
    await signInAsStaff(analyst, url, ANALYST, '/handlaggare/rapporter');
    await analyst.selectOption('#rapport', 'summering');
    await analyst.fill('#period', contractDate.slice(0, 4));
    await analyst.check('#by-district');
    await analyst.click('main button:has-text("Visa rapporten")');
    await analyst.waitForURL(/rapport=summering/);
    await untilShown(analyst, DISTRICT);
    const [download] = await Promise.all([analyst.waitForEvent('download'), analyst.click('main a:has-text("CSV")')]);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    const [header, ...lines] = csv.trim().split(/\r\n/);
    const columns = header.split(',');
    const ours = lines.map((line) => line.split(',')).find((cells) => cells.includes(DISTRICT));
    expect(ours).toBeDefined();
    const cell = (name: string) => ours?.[columns.indexOf(name)];
    // One flat let is fewer than the suppression threshold: counted, and withheld in Statistics Sweden's mark.
    expect(cell('flatsLet')).toBe('..');
    expect(cell('suppressed')).toBe('yes');
    // Analysts do not handle lettings: the ranking is refused them before anything is read.
    expect((await analyst.goto(url(`${lettingPath}/rangordning`)))?.status()).toBe(403);
    expect(await main(analyst)).not.toContain('Ella Först');
    await analyst.context().close();
  });
});
