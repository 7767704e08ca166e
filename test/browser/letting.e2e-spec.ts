import { jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { DEMO_LANDLORD_CREDENTIALS } from '../../apps/landlords/src/demo/demo-landlord.js';
import { addDays } from '@bostadsko/calendar';
import { api, verifyCertificates } from './app-api.js';
import { check } from './page-check.js';
import { applyToFirstListing, registerSeeker } from './sign-in.js';
import { suite, systemInChromium } from './system-in-chromium.js';
import { untilShown } from './until-shown.js';

// A browser walk of many pages, each checked by axe and photographed twice: bounded, but not by jest's 60 s for a unit.
jest.setTimeout(180_000);

const PASSWORD = 'correct horse battery staple';

// The landlord's, staff's and administrator's steps go over the API (their pages come with the back office); the close and
// the letting travel through jobs and read models, so the seekers' pages are reloaded until each step shows.
suite('a whole letting on the training clock: apply, the close, a showing answered on the website, the offer, then the fee notice', () => {
  const site = systemInChromium();
  const { url, newPage } = site;

  /** A seeker registers and applies on the website to the listing found by `district`; returns the application's page path. */
  async function registerAndApply(page: Page, district: string): Promise<string> {
    await registerSeeker(page, url, { name: 'Letting Testsson', email: 'letting@example.se', password: PASSWORD });
    await page.goto(url(`/bostader?district=${district}`));
    await applyToFirstListing(page);
    await page.waitForURL(/\/mina-sidor\/ansokningar\//);
    return new URL(page.url()).pathname;
  }

  test('with JavaScript on and off alike', async () => {
    const { APPLICANTS_URL, LISTINGS_URL, LANDLORDS_URL } = site.system.urls;
    const withScript = await newPage();
    const withoutScript = await newPage({ javaScriptEnabled: false });
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
      await page.goto(url(path));
      // Shown only once the close has ranked the listing (before it, the place reads 'Plats 1 av 1 just nu').
      await untilShown(page, 'Du är inte inbjuden till visning ännu');
      expect(await page.locator('.facts').innerText()).not.toContain('just nu');
      // The banner on every page: the website reads the business date at most 2 s late.
      await untilShown(page, 'Övningsmiljö: systemets datum är', 'body');
    }

    const slotDay = addDays(moved.businessDate, 2);
    for (const { page, path } of seekers) {
      await page.goto(url(path));
      const applicationId = path.split('/').pop() ?? '';
      const listingId = await listingOf(page);
      await api(LISTINGS_URL, 'POST', `/listings/${listingId}/showings`, landlord, { slots: [{ startsAt: `${slotDay}T15:00:00Z`, endsAt: `${slotDay}T16:00:00Z` }] });
      await untilShown(page, 'Inbjudan till visning');
      if (page === withScript) await check(page, 'invitation-sv');
      await page.click('button:has-text("Jag är fortfarande intresserad")');
      expect(await page.locator('main').innerText()).toContain('Du har svarat att du fortfarande är intresserad');

      const verified = await verifyCertificates(LISTINGS_URL, staff, listingId, applicationId, moved.businessDate);
      await untilShown(page, 'Du är föreslagen som hyresgäst');
      await api(LISTINGS_URL, 'POST', `/listings/${listingId}/proposals/${verified.proposalId}/approve`, landlord);
      await api(LISTINGS_URL, 'POST', `/listings/${listingId}/proposals/${verified.proposalId}/contract`, landlord, { contractDate: addDays(moved.businessDate, 20) });
      await untilShown(page, 'Bostaden är din');
      // Every step reached the seeker's inbox too (the messages app, from the same integration events).
      await page.goto(url('/mina-sidor/meddelanden'));
      for (const subject of ['Vi har tagit emot din intresseanmälan', 'Din plats: 1 av 1', 'Du är inbjuden till visning', 'Kontraktet är klart']) await untilShown(page, subject);
      if (page === withScript) await check(page, 'messages-sv');
    }

    // A year on, less a month: the fee job issues each seeker's first fee notice, which the fee page shows with its last day.
    await api(APPLICANTS_URL, 'POST', '/training-clock', admin, { days: 330 });
    await withScript.goto(url('/mina-sidor/avgift'));
    await untilShown(withScript, 'OCR-nummer');
    expect(await withScript.locator('main').innerText()).toMatch(/Betala 200\skr med OCR-nummer \d+ senast/);
    await check(withScript, 'fees-with-notice-sv');
    // The fee notice was mailed as well: the development mailbox shows every mail the local SMTP server kept.
    await withScript.goto(url('/dev/mejl'));
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
