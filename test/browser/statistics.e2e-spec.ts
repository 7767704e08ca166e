import { jest } from '@jest/globals';
import { check } from './page-check.js';
import { suite, systemInChromium } from './system-in-chromium.js';

// A browser walk of many pages, each checked by axe and photographed twice: bounded, but not by jest's 60 s for a unit.
jest.setTimeout(180_000);

// The demo listings are published but nothing is let: the pages must say so rather than fail or show an empty table.
suite('the public statistics pages, in Chromium', () => {
  const { url, newContext } = systemInChromium();

  test('every statistics page passes axe in Swedish and English, signed out, and says when nothing was let', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(url('/'));
    await page.click('nav >> text=Statistik');
    expect(await page.locator('h1').innerText()).toBe('Statistik');
    expect(await page.locator('main').innerText()).toContain('färre än 5 personer');
    await check(page, 'statistics-sv');

    await page.click('text=Kötid som behövdes');
    expect(await page.locator('main [role=status]').innerText()).toBe('Inga lägenheter hyrdes ut under perioden.');
    await check(page, 'statistics-queue-time-sv');

    await page.goto(url('/statistik/uthyrningar'));
    await page.selectOption('#granularity', 'quarter');
    await page.click('button:has-text("Visa")');
    await page.waitForURL(/granularity=quarter/);
    expect(await page.locator('main [role=status]').innerText()).toBe('Inga lägenheter hyrdes ut under perioden.');
    expect(await page.locator('table caption').innerText()).toMatch(/^Uthyrda lägenheter och kötid, \d{4}$/);
    expect(await page.locator('tbody th').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^Kvartal 1 \d{4}$/)]));
    expect(await page.locator('img.chart').getAttribute('alt')).toContain('inga lägenheter hyrdes ut');
    await check(page, 'statistics-lettings-sv');

    await page.click('text=In English');
    expect(await page.locator('h1').innerText()).toBe('Flats let over time');
    expect(await page.locator('main [role=status]').innerText()).toBe('No flats were let in the period.');
    await check(page, 'statistics-lettings-en');
    for (const [path, name] of [
      ['/statistik', 'statistics-en'],
      ['/statistik/kotid', 'statistics-queue-time-en'],
    ] as const) {
      await page.goto(url(path));
      await check(page, name);
    }
    await context.close();
  });

  test('the chart comes through the website as SVG in the page language, and the CSV as a download', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(url('/statistik/uthyrningar?period=2025-Q2&granularity=month'));
    const chart = await context.request.get(url((await page.locator('img.chart').getAttribute('src'))!));
    expect(chart.status()).toBe(200);
    expect(chart.headers()['content-type']).toMatch(/^image\/svg\+xml/);
    expect(await chart.text()).toContain('Förmedlade lägenheter');

    const csv = await context.request.get(url((await page.locator('a:has-text("CSV")').getAttribute('href'))!));
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers()['content-disposition']).toBe('attachment; filename="lettings-series-2025-Q2.csv"');
    expect((await csv.text()).split('\r\n')).toHaveLength(5); // header, April to June, and the closing line break

    const english = await context.request.get(url('/statistik/diagram/kotid.svg?period=2025&lang=en'));
    expect(english.headers()['content-type']).toMatch(/^image\/svg\+xml/);
    expect(await english.text()).toContain('Queue time needed');
    await context.close();
  });

  test('a refused filter is shown at its field, and the proxies pass on nothing but the known filters', async () => {
    const context = await newContext();
    const page = await context.newPage();
    const response = await page.goto(url('/statistik/kotid?municipality=Atlantis'));
    expect(response?.status()).toBe(400);
    expect(await page.locator('.ds-error-summary a').getAttribute('href')).toBe('#municipality');
    await check(page, 'statistics-refused');

    // The open data refuses a custom range from anyone; through the website it is simply not passed on.
    const range = await context.request.get(url('/statistik/kotid.csv?period=2025&from=2025-01-01&to=2025-02-01&source=raw'));
    expect(range.status()).toBe(200);
    expect((await context.request.get(url('/statistik/diagram/kotid.svg?period=nonsense'))).status()).toBe(400);
    await context.close();
  });
});
