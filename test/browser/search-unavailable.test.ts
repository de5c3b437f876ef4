import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserMissing, call, compliantDescriptor, freePort, SCREENSHOTS } from '../src/index.js';
import { uiSuite } from './ui-suite.js';

const missing = browserMissing();
if (missing) console.warn(`browser suite skipped: ${missing}`);

// The search page while the search engine is unreachable (issue 10): a server on Meilisearch at a
// port nobody listens on. The page says so plainly and keeps its search box, instead of failing.
describe.skipIf(missing)('the search page while the search engine is down', () => {
  const ui = uiSuite({ env: async () => ({ QUANTA_SEARCH: 'meilisearch', MEILI_URL: `http://127.0.0.1:${await freePort()}` }) });

  it('says search is unavailable, both opened with a query and while typing, and products can still be registered', async () => {
    const registered = await call(ui.quanta.url, 'PUT', '/api/v1/products', compliantDescriptor('https://ui.example/products', 'kept-safe'));
    expect(registered.status).toBe(201);

    await ui.page.goto(`${ui.quanta.webUrl}/?q=listener`);
    await expect.poll(() => ui.page.getByTestId('search-unavailable').isVisible()).toBe(true);
    expect(await ui.page.locator('#results-heading').textContent()).toBe('Search unavailable');
    expect(await ui.page.getByTestId('no-results').count()).toBe(0);
    await ui.page.screenshot({ path: join(SCREENSHOTS, '10-search-unavailable.png'), fullPage: true });

    await ui.page.goto(`${ui.quanta.webUrl}/`);
    await ui.page.getByRole('searchbox', { name: 'Search data products' }).pressSequentially('kept', { delay: 20 });
    await expect.poll(() => ui.page.locator('#results-heading').textContent()).toBe('Search unavailable');
    expect(await ui.page.getByTestId('search-unavailable').textContent()).toMatch(/Registered products are safe/);
  });
});
