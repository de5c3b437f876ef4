import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserMissing, call, compliantDescriptor, productPath, SCREENSHOTS } from '../src/index.js';
import { uiSuite } from './ui-suite.js';

const missing = browserMissing();
if (missing) console.warn(`browser suite skipped: ${missing}`);

const IRI = 'https://ui.example/products/hostile-notes';

/** Markdown as an owner might write it, with every way a field could try to put HTML on the page. */
const DESCRIPTION = [
  '**Daily** plays per _listener_, with a [runbook](https://docs.example/runbook).',
  '',
  '<script>window.__xss = "script"</script>',
  '<img src="x" onerror="window.__xss = \'img\'">',
  '[click me](javascript:window.__xss=\'link\')',
  '<a href="javascript:window.__xss=\'raw link\'">raw</a>',
  '![tracker](https://tracker.example/pixel.png)',
  '',
  '- one row per listener',
  '- refreshed hourly',
].join('\n');

// Output safety (issue 12): descriptions are rendered as sanitised Markdown; no field can inject
// HTML or script, whatever it holds.
describe.skipIf(missing)('descriptions rendered as sanitised Markdown', () => {
  const ui = uiSuite({
    prepare: async (quanta) => {
      const port = { name: 'table', kind: 'table', description: 'Port notes: <script>window.__xss = "port"</script> **bold**', slos: [{ metric: 'freshness', objective: '<= 1 h' }] };
      const res = await call(quanta.url, 'PUT', '/api/v1/products', compliantDescriptor('https://ui.example/products', 'hostile-notes', { description: DESCRIPTION, outputPorts: [port] }));
      expect(res.status).toBe(201);
    },
  });

  it('shows the Markdown as formatting, runs nothing, and keeps only safe links, on the product page and in search', async () => {
    for (const url of [`${ui.quanta.webUrl}${productPath(IRI).replace('/api/v1', '')}`, `${ui.quanta.webUrl}/?q=hostile`]) {
      await ui.page.goto(url);
      const prose = ui.page.locator('.prose').first();
      await expect.poll(() => prose.isVisible(), { message: url }).toBe(true);
      expect(await prose.locator('strong').first().textContent()).toBe('Daily');
      expect(await ui.page.evaluate(() => (globalThis as unknown as { __xss?: string }).__xss)).toBeUndefined();
      expect(await ui.page.locator('.prose script, .prose img, .prose [onerror]').count()).toBe(0);
      const hrefs = await ui.page.locator('.prose a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(hrefs).toContain('https://docs.example/runbook');
      for (const href of hrefs) expect(href ?? '').not.toMatch(/^javascript:/i);
    }
    await ui.page.goto(`${ui.quanta.webUrl}${productPath(IRI).replace('/api/v1', '')}`);
    expect(await ui.page.locator('.prose li').count()).toBeGreaterThanOrEqual(2);
    expect(await ui.page.locator('.prose strong', { hasText: 'bold' }).count()).toBe(1);
    await ui.page.screenshot({ path: join(SCREENSHOTS, '12-sanitised-markdown.png'), fullPage: true });
  });
});
