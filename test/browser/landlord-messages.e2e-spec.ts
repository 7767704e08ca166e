import { jest } from '@jest/globals';
import { DEMO_LANDLORD_CREDENTIALS } from '../../apps/landlords/src/demo/demo-landlord.js';
import { addDays } from '@bostadsko/calendar';
import { api, verifyCertificates } from './app-api.js';
import { check } from './page-check.js';
import { applyToFirstListing, registerSeeker, signInAsLandlord } from './sign-in.js';
import { suite, systemInChromium } from './system-in-chromium.js';
import { untilShown } from './until-shown.js';

// A browser walk of several pages, each checked by axe and photographed twice: bounded, but not by jest's 60 s for a unit.
jest.setTimeout(180_000);

const PASSWORD = 'correct horse battery staple';
const SUBJECT = 'En sökande väntar på ert beslut';

// The proposal travels through the bus, the messages app and its outbox: the pages are reloaded until it shows.
suite('a landlord user is told in the portal and by e-mail that a proposal waits for a decision', () => {
  const site = systemInChromium();
  const { url, newPage } = site;

  test('a seeker is proposed; the landlord user reads it in Meddelanden, with and without JavaScript, and it is in the development mailbox', async () => {
    const { APPLICANTS_URL, LISTINGS_URL, LANDLORDS_URL, MESSAGES_URL } = site.system.urls;
    const seeker = await newPage();
    await registerSeeker(seeker, url, { name: 'Proposed Testsson', email: 'proposed@example.se', password: PASSWORD });
    await seeker.goto(url('/bostader?district=Majorna'));
    await applyToFirstListing(seeker);
    await seeker.waitForURL(/\/mina-sidor\/ansokningar\//);
    const applicationId = new URL(seeker.url()).pathname.split('/').pop() ?? '';
    const listingId = ((await seeker.locator('a:has-text("Visa bostaden")').getAttribute('href')) ?? '').split('/').pop() ?? '';

    // Before any proposal the portal's inbox is empty and its menu names no unread message.
    const landlord = await newPage();
    await signInAsLandlord(landlord, url, DEMO_LANDLORD_CREDENTIALS, '/hyresvard/meddelanden');
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
    await verifyCertificates(LISTINGS_URL, staff, listingId, applicationId, moved.businessDate);

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
    const plain = await newPage({ javaScriptEnabled: false });
    await signInAsLandlord(plain, url, DEMO_LANDLORD_CREDENTIALS, '/hyresvard/meddelanden');
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
    while ((await api<{ language: string }>(MESSAGES_URL, 'GET', '/messages/landlord/preferences', agentToken)).language !== 'en' && Date.now() < until) await landlord.waitForTimeout(200);
    expect((await api<{ language: string }>(MESSAGES_URL, 'GET', '/messages/landlord/preferences', agentToken)).language).toBe('en');

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
