import { DEMO_LANDLORD_CREDENTIALS } from '../../apps/landlords/src/demo/demo-landlord.js';
import { addDays, stockholmDate } from '@bostadsko/calendar';
import { check } from './page-check.js';
import { registerSeeker, signInAsLandlord } from './sign-in.js';
import { suite, systemInChromium } from './system-in-chromium.js';
import { untilShown } from './until-shown.js';

const PASSWORD = 'a long seeker password';
const today = stockholmDate(new Date());

// The alert travels from listings over the bus to the messages app and the SMTP listener: the pages are reloaded until it shows.
suite('saved searches: a seeker saves a search, a landlord publishes a match, the alert reaches the mailbox and the inbox', () => {
  const { url, newPage } = systemInChromium();

  test('from the search page to Mina sidor → Bevakningar, the landlord pages, the development mailbox and Meddelanden', async () => {
    const email = `bevakning-${Date.now()}@example.se`;
    const seeker = await newPage();
    await registerSeeker(seeker, url, { name: 'Bea Bevakare', email, password: PASSWORD });

    // A search no demo listing matches yet: Saltholmen in Göteborg, at least 2 rooms.
    await seeker.goto(url('/bostader'));
    await seeker.fill('#municipality', 'Göteborg');
    await seeker.fill('#district', 'Saltholmen');
    await seeker.click('summary');
    await seeker.fill('#roomsMin', '2');
    await seeker.click('button:has-text("Sök")');
    await seeker.waitForURL(/district=Saltholmen/);
    await check(seeker, 'search-save-sv');
    await seeker.selectOption('#alerts', 'immediate');
    await seeker.click('button:has-text("Bevaka sökningen")');
    await seeker.waitForURL(url('/mina-sidor/bevakningar'));
    const saved = await seeker.locator('main').innerText();
    expect(saved).toContain('Sökningen bevakas');
    expect(saved).toContain('Saltholmen, Göteborg · 2–… rum');
    await check(seeker, 'saved-searches-sv');

    // The landlord publishes a matching flat through the landlord pages.
    const landlord = await newPage();
    await signInAsLandlord(landlord, url, DEMO_LANDLORD_CREDENTIALS, '/hyresvard/annonser/ny');
    await landlord.selectOption('#typ', 'regular');
    await landlord.click('button:has-text("Fyll i kraven för typen")');
    await landlord.fill('#address', 'Bryggvägen 3');
    await landlord.fill('#district', 'Saltholmen');
    await landlord.fill('#municipality', 'Göteborg');
    await landlord.fill('#rooms', '3');
    await landlord.fill('#areaM2', '72');
    await landlord.fill('#monthlyRent', '9 800');
    await landlord.fill('#floor', '1');
    await landlord.fill('#applicationDeadline', addDays(today, 10));
    await landlord.fill('#moveInDate', addDays(today, 45));
    await landlord.click('button:has-text("Förhandsgranska")');
    await landlord.click('button:has-text("Publicera annonsen")');
    await landlord.waitForURL(/\/hyresvard\/annonser\/[0-9a-f-]{36}$/);
    const listingId = new URL(landlord.url()).pathname.split('/').pop() ?? '';
    await landlord.context().close();

    // The alert: in the development mailbox, to the seeker's address, and in their inbox.
    await seeker.goto(url('/dev/mejl'));
    await untilShown(seeker, email);
    const mailbox = await seeker.locator('main').innerText();
    expect(mailbox).toContain('Ny bostad som matchar din bevakning');
    expect(mailbox).toContain(`/bostader/${listingId}`);
    await seeker.goto(url('/mina-sidor/meddelanden'));
    await untilShown(seeker, 'Ny bostad som matchar din bevakning');
    await seeker.click('a:has-text("Ny bostad som matchar din bevakning")');
    expect(await seeker.locator('main').innerText()).toContain('3 rum och kök, 72 m², Saltholmen, Göteborg');

    // Daily instead, a refused and then a kept digest time, in English too, then deleted.
    await seeker.goto(url('/mina-sidor/bevakningar'));
    await seeker.selectOption('select[name="alerts"]', 'daily');
    await seeker.click('button:has-text("Ändra besked")');
    await seeker.waitForURL(url('/mina-sidor/bevakningar'));
    expect(await seeker.locator('select[name="alerts"]').inputValue()).toBe('daily');
    await seeker.fill('#digestTime', '7 på morgonen');
    await seeker.click('button:has-text("Spara tid")');
    expect(await seeker.locator('#digestTime-error').innerText()).toContain('Skriv en tid som 07:00');
    await check(seeker, 'saved-searches-refused-sv');
    await seeker.fill('#digestTime', '06:45');
    await seeker.click('button:has-text("Spara tid")');
    await seeker.waitForURL(url('/mina-sidor/bevakningar'));
    expect(await seeker.inputValue('#digestTime')).toBe('06:45');
    await seeker.click('a:has-text("In English")');
    expect(await seeker.locator('main').innerText()).toContain('Once a day');
    await check(seeker, 'saved-searches-en');
    await seeker.click('button:has-text("Delete")');
    await seeker.waitForURL(url('/mina-sidor/bevakningar'));
    expect(await seeker.locator('main').innerText()).toContain('You have no saved searches');

    // The message settings, reached from the inbox: alerts kept in the inbox only, messages in English.
    await seeker.goto(url('/mina-sidor/meddelanden'));
    await seeker.click('a:has-text("Settings: language and e-mail")');
    expect(await seeker.isChecked('#email-saved-search-alert')).toBe(true);
    await check(seeker, 'message-settings-en');
    await seeker.uncheck('#email-saved-search-alert');
    await seeker.selectOption('#language', 'en');
    await seeker.click('button:has-text("Save the settings")');
    await seeker.waitForURL(url('/mina-sidor/meddelanden/installningar'));
    expect(await seeker.locator('main').innerText()).toContain('The settings are saved');
    expect(await seeker.isChecked('#email-saved-search-alert')).toBe(false);
    expect(await seeker.inputValue('#language')).toBe('en');
    await seeker.context().close();
  }, 180_000);
});
