import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** Screenshots of every page at phone and desktop width, kept for people to look at (the README names the folder). */
const SHOTS = 'test-artifacts/screenshots';
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe runs as a script in the page, so only in a context where scripts may run. */
async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Zero axe violations at WCAG 2.1 AA, and a screenshot at phone and desktop width under `name`. */
export async function check(page: Page, name: string): Promise<void> {
  await expectAccessible(page);
  mkdirSync(SHOTS, { recursive: true });
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/${name}-desktop.png`, fullPage: true });
  if (viewport) await page.setViewportSize(viewport);
}
