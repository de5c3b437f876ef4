import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, browserMissing, call, compliantDescriptor, freePort, launchBrowser, type QuantaProcess, SCREENSHOTS, startQuanta } from '../src/index.js';

const missing = browserMissing();
if (missing) console.warn(`browser suite skipped: ${missing}`);

// The search page while the search engine is unreachable (issue 10): a server on Meilisearch at a
// port nobody listens on. The page says so plainly and keeps its search box, instead of failing.
describe.skipIf(missing)('the search page while the search engine is down', () => {
  let quanta: QuantaProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    quanta = await startQuanta({ args: ['--web', '--web-port', '0'], env: { QUANTA_SEARCH: 'meilisearch', MEILI_URL: `http://127.0.0.1:${await freePort()}` } });
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await quanta?.stop();
    quanta?.cleanup();
  });

  it('says search is unavailable, both opened with a query and while typing, and products can still be registered', async () => {
    const registered = await call(quanta.url, 'PUT', '/api/v1/products', compliantDescriptor('https://ui.example/products', 'kept-safe'));
    expect(registered.status).toBe(201);

    await page.goto(`${quanta.webUrl}/?q=listener`);
    await expect.poll(() => page.getByTestId('search-unavailable').isVisible()).toBe(true);
    expect(await page.locator('#results-heading').textContent()).toBe('Search unavailable');
    expect(await page.getByTestId('no-results').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, '10-search-unavailable.png'), fullPage: true });

    await page.goto(`${quanta.webUrl}/`);
    await page.getByRole('searchbox', { name: 'Search data products' }).pressSequentially('kept', { delay: 20 });
    await expect.poll(() => page.locator('#results-heading').textContent()).toBe('Search unavailable');
    expect(await page.getByTestId('search-unavailable').textContent()).toMatch(/Registered products are safe/);
  });
});
