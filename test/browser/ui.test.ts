import { join } from 'node:path';
import { createClient, loadDemo } from '@quanta/ingest';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, type Browser, browserMissing, call, launchBrowser, type QuantaProcess, SCREENSHOTS, startQuanta } from '../src/index.js';
import { createToken, signIn, submitToken } from './session.js';

// The discovery UI in a real browser (issue 9): Debian's chromium driven by playwright-core,
// against a real server with its UI (`--web`) and the Daff demo mesh. The steps follow one
// consumer's visit, in order; each leaves a screenshot in .cache/screenshots. Reading needs no
// sign-in; rating, deciding about a duplicate and a team's usage report go with a person's token.
const missing = browserMissing();
if (missing) console.warn(`browser suite skipped: ${missing}`);

describe.skipIf(missing)('the discovery UI in Chromium', () => {
  let quanta: QuantaProcess;
  let browser: Browser;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    quanta = await startQuanta({ args: ['--web', '--web-port', '0'] });
    expect(quanta.webUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await loadDemo(createClient(quanta.url, { token: quanta.adminToken }), () => undefined);
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await quanta?.stop();
    quanta?.cleanup();
  });

  it('finds "Listening sessions" for the typo "listening sesions", typed into the search box', async () => {
    await page.goto(`${quanta.webUrl}/`);
    await page.getByRole('searchbox', { name: 'Search data products' }).pressSequentially('listening sesions', { delay: 20 });
    await expect.poll(() => page.locator('#results-heading').textContent()).toContain('for “listening sesions”');
    const titles = await page.getByTestId('hit').locator('h2 a').allTextContents();
    expect(titles[0]).toBe('Listening sessions');
    // The address bar follows the typing, so the search can be shared.
    expect(new URL(page.url()).searchParams.get('q')).toBe('listening sesions');
    // Each result says why it ranks there, with the whole arithmetic on demand.
    const first = page.getByTestId('hit').first();
    await first.getByText('Why is it here?').click();
    await expect.poll(() => first.locator('details table').textContent()).toMatch(/usage.*rating.*slo/s);
    await shot('1-search-typo');
  });

  it('folds a likely duplicate under its canonical product, and unfolds it on demand', async () => {
    await page.goto(`${quanta.webUrl}/?q=${encodeURIComponent('social media sentiment')}`);
    const first = page.getByTestId('hit').first();
    expect(await first.locator('h2 a').textContent()).toBe('Social media sentiment');
    await first.getByText(/^\d+ similar products?$/).click();
    const folded = await first.locator('.similar li').allTextContents();
    expect(folded.length).toBeGreaterThan(0);
    expect(folded.every((t) => t.includes('likely duplicate'))).toBe(true);
    // A folded product is not listed again among the results.
    const titles = await page.getByTestId('hit').locator('h2 a').allTextContents();
    for (const t of folded) expect(titles).not.toContain(t.split(' (')[0]);
    await shot('1b-duplicates-folded');
    await page.goBack();
  });

  it('opens the product from its result', async () => {
    await page.getByTestId('hit').first().getByRole('link', { name: 'Listening sessions' }).click();
    await page.waitForURL(/\/products\//);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Listening sessions');
    expect(await page.getByRole('heading', { name: 'Output ports' }).isVisible()).toBe(true);
    expect(await page.locator('table').filter({ hasText: 'listener_id' }).count()).toBe(1);
    await shot('2-product');
  });

  it('signs in as a consumer team from the product page, rates it and sees the rating counted', async () => {
    // A visitor is asked to sign in; the sign-in page brings the person back here.
    await page.getByTestId('sign-in-to-rate').getByRole('link', { name: 'Sign in to rate' }).click();
    await page.waitForURL(/\/sign-in\?next=/);
    await submitToken(page, await createToken(quanta.url, { name: 'browser testers', role: 'consumer', consumer: 'browser-testers' }));
    await page.waitForURL(/\/products\//);
    const summary = page.getByTestId('rating-summary');
    const before = Number(/(\d+) in all/.exec((await summary.textContent()) ?? '')?.[1] ?? 0);
    const form = page.getByRole('form', { name: 'Rate this product' });
    expect(await form.getByTestId('rating-as').textContent()).toBe('browser-testers');
    await form.getByLabel('4 ★').check();
    await form.getByLabel('Comment (optional)').fill('Session boundaries match our daypart work.');
    await form.getByRole('button', { name: 'Rate' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Thank you: your rating is counted.');
    await expect.poll(async () => Number(/(\d+) in all/.exec((await summary.textContent()) ?? '')?.[1])).toBe(before + 1);
    expect(await page.locator('#ratings table tr', { hasText: 'browser-testers' }).count()).toBe(1);
    await shot('3-rated');
  });

  it('follows lineage from the graph to an upstream product, which lists it downstream', async () => {
    const upstream = await page.getByTestId('upstream').getByRole('link').allTextContents();
    expect(upstream).toContain('Play events');
    // Click the node in the drawn graph, not the list below it.
    await page.locator('.graph a[data-node]', { hasText: 'Play events' }).click();
    await page.waitForURL(/play-events/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Play events');
    expect(await page.getByTestId('downstream').getByRole('link').allTextContents()).toContain('Listening sessions');
    await shot('4-upstream');
  });

  it("opens the owner's report from the product page: refused to a consumer, shown to the owner team once signed in", async () => {
    const owner = (await page.locator('.byline a[href^="/owners/"]').first().textContent()) ?? '';
    expect(owner).not.toBe('');
    await page.locator('.byline a[href^="/owners/"]').first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Owner report: ${owner}`);
    expect(await page.getByTestId('usage-refused').textContent()).toContain(`sign in with team ${owner}’s token`);
    await page.getByTestId('usage-refused').getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL(/\/sign-in\?next=/);
    await submitToken(page, await createToken(quanta.url, { name: `${owner} in the browser`, role: 'owner', team: owner }));
    await page.waitForURL(/\/owners\//);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Owner report: ${owner}`);
    const rows = page.getByTestId('usage-table').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.filter({ has: page.getByRole('link', { name: 'Play events', exact: true }) }).count()).toBe(1);
    await shot('5-owner-report');
  });

  it('opens the mesh page: domains and products as networks, and interconnections over time', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mesh' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('The mesh');
    expect(await page.locator('section[aria-labelledby="net-h"] a[data-node]').count()).toBe(8);
    // And every linked product, each a link to its page.
    expect(await page.locator('section[aria-labelledby="products-net-h"] a[data-node]').count()).toBeGreaterThan(40);
    await expect.poll(() => page.locator('.recharts-line').count()).toBeGreaterThan(0);
    await shot('6-mesh');
  });

  it('goes from a field\'s concept to everything that speaks about it', async () => {
    await page.goto(`${quanta.webUrl}/?q=listening%20sessions`);
    await page.getByTestId('hit').getByRole('link', { name: 'Listening sessions', exact: true }).click();
    await page.waitForURL(/listening-sessions/);
    // The ports table links each field's concept.
    await page.locator('table').filter({ hasText: 'listener_id' }).getByRole('link', { name: 'Listener', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Everything that speaks about Listener');
    const about = await page.getByTestId('concept-products').getByRole('link').allTextContents();
    expect(about).toContain('Listening sessions');
    expect(about.length).toBeGreaterThan(3);
    await shot('7-concept');
  });

  it('signs in and rates without JavaScript too: the forms post and the page comes back with the rating counted', async () => {
    const noJs = await browser.context.newPage();
    // The profile is persistent (one context), so scripts are switched off for this page alone.
    await (await browser.context.newCDPSession(noJs)).send('Emulation.setScriptExecutionDisabled', { value: true });
    try {
      const product = `/products/${encodeURIComponent('https://daff.example/products/player/play-events')}`;
      await noJs.goto(`${quanta.webUrl}/sign-in?next=${encodeURIComponent(product)}`);
      // Next.js's runtime never ran on this page: no hydration, a plain HTML form.
      expect(await noJs.evaluate(() => 'next' in globalThis)).toBe(false);
      await submitToken(noJs, await createToken(quanta.url, { name: 'no script readers', role: 'consumer', consumer: 'no-script-readers' }));
      await noJs.waitForURL((url) => url.pathname === product);
      const count = async () => Number(/(\d+) in all/.exec((await noJs.getByTestId('rating-summary').textContent()) ?? '')?.[1] ?? 0);
      const before = await count();
      const form = noJs.getByRole('form', { name: 'Rate this product' });
      expect(await form.getByTestId('rating-as').textContent()).toBe('no-script-readers');
      await form.getByLabel('3 ★').check();
      await form.getByRole('button', { name: 'Rate' }).click();
      await noJs.waitForLoadState('load');
      await expect.poll(count).toBe(before + 1);
    } finally {
      await noJs.close();
    }
  });

  it("runs only the search through the UI's /graphql route: no other operation, no cross-site form post", async () => {
    const post = (body: string, type = 'application/json') => fetch(`${quanta.webUrl}/graphql`, { method: 'POST', headers: { 'content-type': type }, body });
    // Whatever document the caller sends, the route asks the gateway its own Search document.
    const sneaky = await post(JSON.stringify({ query: 'mutation { rate(product: "x", consumer: "y", stars: 1) { outcome } }', variables: { q: 'listner' } }));
    expect(sneaky.status).toBe(200);
    const answer = (await sneaky.json()) as { data: Record<string, unknown> };
    expect(Object.keys(answer.data)).toEqual(['search']);
    expect((await post('{"variables":{"q":"x"}}', 'text/plain')).status).toBe(415);
    expect((await post(JSON.stringify({ variables: { q: 'x'.repeat(20_000) } }))).status).toBe(413);
    const bad = await post('{"variables": [1]}');
    expect([bad.status, bad.headers.get('content-type')]).toEqual([400, 'application/problem+json']);
  });

  it('answers 404 with a page that says so for a product nobody registered, and for a malformed concept', async () => {
    const missing = await page.goto(`${quanta.webUrl}/products/${encodeURIComponent('https://daff.example/products/nobody/nothing')}`);
    expect(missing?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Not found');
    const malformed = await page.goto(`${quanta.webUrl}/concepts/not-an-iri`);
    expect(malformed?.status()).toBe(404);
  });

  it('draws a product\'s semantic model as an entity diagram', async () => {
    await page.goto(`${quanta.webUrl}/products/${encodeURIComponent('https://daff.example/products/artist/artist-payments')}`);
    const diagram = page.locator('section[aria-labelledby="model-h"] svg');
    // Royalty payment —paid to→ Payee —closeMatch→ Artist (a shared concept, linked to its page).
    expect(await diagram.locator('a[data-node]').allTextContents()).toEqual(
      expect.arrayContaining(['Royalty paymentnet amount: decimal', 'Payee(no attributes)', 'Artistshared concept']),
    );
    expect(await diagram.locator('text').allTextContents()).toEqual(expect.arrayContaining(['paid to', 'net amount: decimal']));
    await page.locator('section[aria-labelledby="model-h"]').screenshot({ path: join(SCREENSHOTS, '8-entity-diagram.png') });
  });

  it("asks a visitor to sign in to decide about a duplicate, takes the verdict only from the product's owner team, and then drops the nudge", async () => {
    const team = 'social-listening';
    const verdictForm = () => page.getByRole('form', { name: 'Not a duplicate' });
    await page.goto(`${quanta.webUrl}/owners/${team}`);
    await page.getByTestId('session').getByRole('button', { name: 'Sign out' }).click();
    await page.getByTestId('sign-in-to-decide').first().getByRole('link', { name: 'Sign in to decide' }).click();
    await page.waitForURL(/\/sign-in\?next=/);
    // Another team's token: the form is there, and the API's refusal is what it says.
    await submitToken(page, await createToken(quanta.url, { name: 'another team', role: 'owner', team: 'listener-insights' }));
    await page.waitForURL(/\/owners\//);
    await verdictForm().getByLabel('Not a duplicate? Say why').fill('Weekly mentions per artist, not daily sentiment.');
    await verdictForm().getByRole('button', { name: 'Not a duplicate' }).click();
    await expect.poll(() => verdictForm().getByRole('status').textContent()).toMatch(/^only team social-listening \(or an admin\) may decide .* your token is for team listener-insights$/);
    // The owner team's own token: the verdict is recorded and the pair leaves the report.
    await signIn(page, quanta.webUrl as string, await createToken(quanta.url, { name: `${team} in the browser`, role: 'owner', team }), `/owners/${team}`);
    await verdictForm().getByLabel('Not a duplicate? Say why').fill('Weekly mentions per artist, not daily sentiment.');
    await verdictForm().getByRole('button', { name: 'Not a duplicate' }).click();
    await expect.poll(() => verdictForm().count()).toBe(0);
    const groups = await call<{ groups: unknown[] }>(quanta.url, 'GET', `/api/v1/reports/duplicates?owner=${team}`);
    expect(groups.body.groups).toEqual([]);
  });

  it('meets WCAG 2.1 AA on every kind of page, as axe-core checks it (no serious or critical violation)', async () => {
    // As an admin, who sees every chart; then as a visitor, who sees the notes in their place.
    await signIn(page, quanta.webUrl as string, quanta.adminToken as string);
    const charted = ['/owners/listener-insights', '/domains/listener', '/mesh', `/products/${encodeURIComponent('https://daff.example/products/listener/listening-sessions')}`];
    const pages = [...charted, '/?q=listner', `/concepts/${encodeURIComponent('https://daff.example/ontology/Listener')}`, '/owners', '/domains', '/products/unknown'];
    const found: Record<string, unknown> = {};
    for (const path of pages) {
      await page.goto(`${quanta.webUrl}${path}`);
      // Charts draw in the browser: check them drawn, not their empty boxes.
      if (charted.includes(path)) await page.locator('.recharts-surface').first().waitFor();
      const violations = await accessibilityViolations(page);
      if (violations.length) found[path] = violations;
    }
    await page.getByTestId('session').getByRole('button', { name: 'Sign out' }).click();
    await page.getByTestId('session').getByRole('link', { name: 'Sign in' }).waitFor();
    for (const path of ['/sign-in', '/owners/listener-insights', `/products/${encodeURIComponent('https://daff.example/products/listener/listening-sessions')}`]) {
      await page.goto(`${quanta.webUrl}${path}`);
      const violations = await accessibilityViolations(page);
      if (violations.length) found[`${path} (visitor)`] = violations;
    }
    expect(found).toEqual({});
  });
});
