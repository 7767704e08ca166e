import type { Page } from 'playwright-core';

/**
 * Reloads until `where` shows `text`: what a page shows after a step often travels first
 * through jobs, the bus and read models. Fails after 30 s with what the page said instead.
 */
export async function untilShown(page: Page, text: string, where = 'main'): Promise<void> {
  const until = Date.now() + 30_000;
  for (;;) {
    if ((await page.locator(where).innerText()).includes(text)) return;
    if (Date.now() > until) throw new Error(`"${text}" not shown in ${where} on ${page.url()}: ${await page.locator('main').innerText()}`);
    await page.waitForTimeout(250);
    await page.reload();
  }
}
