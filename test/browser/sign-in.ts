import type { Page } from 'playwright-core';
import { personnummer } from './personnummer.js';

/** The website's address of a path: SystemInChromium's `url`. */
type Url = (path: string) => string;

export interface NewSeeker {
  readonly name: string;
  readonly email: string;
  readonly password: string;
  /** A fresh one unless the test signs in with it again later. */
  readonly personnummer?: string;
}

/** A seeker registers on the registration page, accepting the terms, and lands signed in on Mina sidor; returns their personnummer. */
export async function registerSeeker(page: Page, url: Url, seeker: NewSeeker): Promise<string> {
  const number = seeker.personnummer ?? personnummer();
  await page.goto(url('/registrera'));
  await page.fill('#personnummer', number);
  await page.fill('#name', seeker.name);
  await page.fill('#email', seeker.email);
  await page.fill('#password', seeker.password);
  await page.check('#terms');
  await page.click('button:has-text("Registrera mig")');
  await page.waitForURL(url('/mina-sidor'));
  return number;
}

/** On a page of listings: opens the first and sends the application form for a household of two with `taxableIncome`. */
export async function applyToFirstListing(page: Page, taxableIncome = '600000'): Promise<void> {
  await page.locator('.listing-list a').first().click();
  await page.click('text=Ansök till bostaden');
  await page.fill('#householdSize', '2');
  await page.fill('#taxableIncome', taxableIncome);
  await page.click('button:has-text("Skicka ansökan")');
}

/** A landlord user opens `next` signed out, is sent to the portal's sign-in and, signed in, back to `next`. */
export async function signInAsLandlord(page: Page, url: Url, credentials: { email: string; password: string }, next = '/hyresvard'): Promise<void> {
  await page.goto(url(next));
  await page.waitForURL(/\/hyresvard\/logga-in\?nasta=/);
  await page.fill('#email', credentials.email);
  await page.fill('#password', credentials.password);
  await page.click('main button:has-text("Logga in")');
  await page.waitForURL(url(next));
}

/** Staff, an administrator or an analyst opens `next` signed out, is sent to the back office's sign-in and, signed in, back to `next`. */
export async function signInAsStaff(page: Page, url: Url, account: { username: string; password: string }, next = '/handlaggare'): Promise<void> {
  await page.goto(url(next));
  await page.waitForURL(/\/handlaggare\/logga-in\?nasta=/);
  await page.fill('#username', account.username);
  await page.fill('#password', account.password);
  await page.click('main button:has-text("Logga in")');
  await page.waitForURL(url(next));
}
