import { jest } from '@jest/globals';
import { check } from './page-check.js';
import { applyToFirstListing, registerSeeker, signInAsStaff } from './sign-in.js';
import { suite, systemInChromium } from './system-in-chromium.js';
import { untilShown } from './until-shown.js';

const PASSWORD = 'a long seeker password';
const STAFF = { username: 'staff@test.se', password: 'Staff-pass-1' };
const RECEIVED = 'Vi har tagit emot din intresseanmälan';
const QUESTION = 'Går det att flytta in en månad senare än annonsen säger?';
const ANSWER = 'Det avgör hyresvärden vid kontraktet. Nämn det när du blir erbjuden lägenheten.';

jest.setTimeout(180_000);

// A message travels over the bus, a reply through the messages app's log to its read model: the pages are reloaded until each shows.
suite('replies and threads: a seeker replies under a message, staff answer in the back office, the answer reaches the inbox', () => {
  const { url, newPage } = systemInChromium();

  test('the seeker’s reply, refused empty and then sent; the waiting list, the seeker’s page and the answer; the answer in the inbox, the mailbox and the thread', async () => {
    const email = `trad-${Date.now()}@example.se`;
    const seeker = await newPage();
    await registerSeeker(seeker, url, { name: 'Tove Trådberg', email, password: PASSWORD });
    await seeker.goto(url('/bostader?district=Majorna'));
    await applyToFirstListing(seeker);
    expect(await seeker.locator('.ds-alert').first().innerText()).toContain('Din ansökan är skickad');

    await seeker.goto(url('/mina-sidor/meddelanden'));
    await untilShown(seeker, RECEIVED);
    await seeker.click(`a:has-text("${RECEIVED}")`);
    const messagePath = new URL(seeker.url()).pathname;
    expect(await seeker.locator('main').innerText()).toContain('Frågor och svar');
    await check(seeker, 'thread-message-sv');

    // Without JavaScript (the same session): the reply form is a plain POST; an empty reply is shown at the field.
    const noScript = await newPage({ javaScriptEnabled: false, storageState: await seeker.context().storageState() });
    await noScript.goto(url(messagePath));
    await noScript.click('main button:has-text("Skicka")');
    expect(await noScript.locator('#svar-error').innerText()).toContain('Skriv något, högst 4 000 tecken');
    expect(await noScript.locator('#svar').getAttribute('aria-invalid')).toBe('true');
    await noScript.fill('#svar', QUESTION);
    await noScript.click('main button:has-text("Skicka")');
    await noScript.waitForURL(`${url(messagePath)}#trad`);
    expect(await noScript.locator('main').innerText()).toContain('Ditt meddelande är skickat');
    await noScript.context().close();
    await seeker.goto(url(messagePath));
    await untilShown(seeker, QUESTION);
    await check(seeker, 'thread-replied-sv');

    // Staff: the question waits in the list; the seeker's page (after the reason) shows the thread and takes the answer.
    const staff = await newPage();
    await signInAsStaff(staff, url, STAFF, '/handlaggare/fragor');
    await untilShown(staff, RECEIVED);
    await check(staff, 'staff-threads-waiting-sv');
    await staff.click('main a:has-text("Öppna sökande")');
    await staff.fill('#skal', 'Fråga från sökande i meddelande om intresseanmälan');
    await staff.click('main button:has-text("Fortsätt")');
    await staff.waitForURL(/\/handlaggare\/sokande\/[0-9a-f-]{36}$/);
    const seekerPage = await staff.locator('main').innerText();
    expect(seekerPage).toContain('Tove Trådberg');
    expect(seekerPage).toContain(QUESTION);
    expect(seekerPage).toContain('Väntar på svar');
    const answerField = staff.locator('textarea[id^="tr-"]').first();
    const answerId = await answerField.getAttribute('id');
    await staff.locator(`form:has(#${answerId}) button`).click();
    expect(await staff.locator(`#${answerId}-error`).innerText()).toContain('Skriv ett svar, högst 4 000 tecken');
    await staff.fill(`#${answerId}`, ANSWER);
    await staff.locator(`form:has(#${answerId}) button`).click();
    await staff.waitForURL(/#threads-heading$/);
    expect(await staff.locator('main').innerText()).toContain('Svaret är skickat till den sökandes meddelanden.');
    await untilShown(staff, 'Besvarad');
    await check(staff, 'staff-seeker-thread-sv');
    await staff.goto(url('/handlaggare/fragor'));
    expect(await staff.locator('main').innerText()).toContain('Inga frågor väntar på svar.');
    await staff.context().close();

    // The seeker: the answer in the inbox (and by mail), and under it the whole thread.
    await seeker.goto(url('/mina-sidor/meddelanden'));
    await untilShown(seeker, `Svar: ${RECEIVED}`);
    await seeker.click(`a:has-text("Svar: ${RECEIVED}")`);
    const answer = await seeker.locator('main').innerText();
    expect(answer).toContain(ANSWER);
    expect(answer).toContain(QUESTION);
    await check(seeker, 'thread-answer-sv');
    await seeker.goto(url('/dev/mejl'));
    await untilShown(seeker, `Svar: ${RECEIVED}`);
    expect(await seeker.locator('main').innerText()).toContain(ANSWER);
    await seeker.context().close();
  });
});
