import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type Browser, launchBrowser, type QuantaProcess, startQuanta } from '../src/index.js';

/** A real server with its UI, and one page of a fresh Chromium, shared by a suite's tests. */
export interface UiSuite {
  readonly quanta: QuantaProcess;
  readonly browser: Browser;
  readonly page: Page;
  /** The UI's address of `path`, e.g. `web('/owners')`. */
  web(path: string): string;
}

/** What a suite needs of its server beyond the defaults. */
export interface UiSuiteOptions {
  /** Environment for the server, or how to find it once the suite starts (a free port, say). */
  readonly env?: Readonly<Record<string, string>> | (() => Promise<Readonly<Record<string, string>>>);
  /** Runs once the server listens, before the browser starts: registrations, tokens, the demo. */
  readonly prepare?: (quanta: QuantaProcess) => Promise<void>;
}

/**
 * Starts Quanta with its UI (`--web` on a free port) and a fresh Chromium page before the
 * enclosing suite's tests, and stops both after them, whichever of the starts got through. Call it
 * at the top of a `describe`; read its fields inside tests and hooks, once it has started.
 */
export function uiSuite(options: UiSuiteOptions = {}): UiSuite {
  let quanta: QuantaProcess | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    const env = typeof options.env === 'function' ? await options.env() : options.env;
    quanta = await startQuanta({ args: ['--web', '--web-port', '0'], ...(env && { env: { ...env } }) });
    await options.prepare?.(quanta);
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await quanta?.stop();
    quanta?.cleanup();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the UI suite is not started: read it inside a test or a hook');
    return value;
  };
  return {
    get quanta() {
      return started(quanta);
    },
    get browser() {
      return started(browser);
    },
    get page() {
      return started(page);
    },
    web: (path) => `${started(quanta).webUrl}${path}`,
  };
}
