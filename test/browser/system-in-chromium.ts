import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, hasChromium, startSystem, type RunningSystem } from './system.js';

/** `describe` where Chromium is installed; elsewhere the suite is skipped, and says so rather than pass unseen. */
export const suite = hasChromium() ? describe : describe.skip;
if (!hasChromium()) console.warn(`*** BROWSER TESTS SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium; .ci/run does) ***`);

export interface SystemInChromium {
  /** The system once started: read inside a hook or a test, never while the suite is being declared. */
  readonly system: RunningSystem;
  /** The website's address of `path`. */
  url(path: string): string;
  /** A browser context of its own: another person, with cookies of their own. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A page in a context of its own. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
}

/**
 * Starts the whole system and Chromium before the suite's tests (then `setUp`, for data the
 * suite needs that is not on its pages) and closes both after them. Starting takes long on a
 * loaded machine: bounded, but not by jest's 60 s for a unit.
 */
export function systemInChromium(setUp?: (system: RunningSystem) => Promise<void>): SystemInChromium {
  let system: RunningSystem | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    system = await startSystem();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    await setUp?.(system);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  const started = () => {
    if (!system || !browser) throw new Error('the system is not started: it is read before the suite’s beforeAll ran');
    return { system, browser };
  };
  const newContext = (options?: BrowserContextOptions) => started().browser.newContext(options);
  return {
    get system() {
      return started().system;
    },
    url: (path) => `${started().system.webUrl}${path}`,
    newContext,
    newPage: async (options) => (await newContext(options)).newPage(),
  };
}
