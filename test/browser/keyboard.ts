import type { Page } from 'playwright-core';

/** Presses Tab until the focused element matches, as a keyboard user would reach it; fails if 120 presses never do. */
export async function tabTo(page: Page, selector: string): Promise<void> {
  for (let presses = 0; presses < 120; presses++) {
    if (await page.evaluate(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} cannot be reached with Tab on ${page.url()}`);
}
