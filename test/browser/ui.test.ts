import { join } from 'node:path';
import { createClient, loadDemo } from '@quanta/ingest';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, browserMissing, call, SCREENSHOTS } from '../src/index.js';
import { createToken, signIn, submitToken } from './session.js';
import { uiSuite } from './ui-suite.js';

// The discovery UI in a real browser (issue 9): Debian's chromium driven by playwright-core,
// against a real server with its UI (`--web`) and the Daff demo mesh. The steps follow one
// consumer's visit, in order; each leaves a screenshot in .cache/screenshots. Reading needs no
// sign-in; rating, deciding about a duplicate and a team's usage report go with a person's token.
const missing = browserMissing();
if (missing) console.warn(`browser suite skipped: ${missing}`);

describe.skipIf(missing)('the discovery UI in Chromium', () => {
  const ui = uiSuite({
    prepare: async (quanta) => {
      expect(quanta.webUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      await loadDemo(createClient(quanta.url, { token: quanta.adminToken }), () => undefined);
    },
  });
  const shot = (name: string) => ui.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  it('finds "Listening sessions" for the typo "listening sesions", typed into the search box', async () => {
    await ui.page.goto(`${ui.quanta.webUrl}/`);
    await ui.page.getByRole('searchbox', { name: 'Search data products' }).pressSequentially('listening sesions', { delay: 20 });
    await expect.poll(() => ui.page.locator('#results-heading').textContent()).toContain('for “listening sesions”');
    const titles = await ui.page.getByTestId('hit').locator('h2 a').allTextContents();
    expect(titles[0]).toBe('Listening sessions');
    // The address bar follows the typing, so the search can be shared.
    expect(new URL(ui.page.url()).searchParams.get('q')).toBe('listening sesions');
    // Each result says why it ranks there, with the whole arithmetic on demand.
    const first = ui.page.getByTestId('hit').first();
    await first.getByText('Why is it here?').click();
    await expect.poll(() => first.locator('details table').textContent()).toMatch(/usage.*rating.*slo/s);
    await shot('1-search-typo');
  });

  it('folds a likely duplicate under its canonical product, and unfolds it on demand', async () => {
    await ui.page.goto(`${ui.quanta.webUrl}/?q=${encodeURIComponent('social media sentiment')}`);
    const first = ui.page.getByTestId('hit').first();
    expect(await first.locator('h2 a').textContent()).toBe('Social media sentiment');
    await first.getByText(/^\d+ similar products?$/).click();
    const folded = await first.locator('.similar li').allTextContents();
    expect(folded.length).toBeGreaterThan(0);
    expect(folded.every((t) => t.includes('likely duplicate'))).toBe(true);
    // A folded product is not listed again among the results.
    const titles = await ui.page.getByTestId('hit').locator('h2 a').allTextContents();
    for (const t of folded) expect(titles).not.toContain(t.split(' (')[0]);
    await shot('1b-duplicates-folded');
    await ui.page.goBack();
  });

  it('opens the product from its result', async () => {
    await ui.page.getByTestId('hit').first().getByRole('link', { name: 'Listening sessions' }).click();
    await ui.page.waitForURL(/\/products\//);
    await expect.poll(() => ui.page.getByRole('heading', { level: 1 }).textContent()).toBe('Listening sessions');
    expect(await ui.page.getByRole('heading', { name: 'Output ports' }).isVisible()).toBe(true);
    expect(await ui.page.locator('table').filter({ hasText: 'listener_id' }).count()).toBe(1);
    await shot('2-product');
  });

  it('signs in as a consumer team from the product page, rates it and sees the rating counted', async () => {
    // A visitor is asked to sign in; the sign-in page brings the person back here.
    await ui.page.getByTestId('sign-in-to-rate').getByRole('link', { name: 'Sign in to rate' }).click();
    await ui.page.waitForURL(/\/sign-in\?next=/);
    await submitToken(ui.page, await createToken(ui.quanta.url, { name: 'browser testers', role: 'consumer', consumer: 'browser-testers' }));
    await ui.page.waitForURL(/\/products\//);
    const summary = ui.page.getByTestId('rating-summary');
    const before = Number(/(\d+) in all/.exec((await summary.textContent()) ?? '')?.[1] ?? 0);
    const form = ui.page.getByRole('form', { name: 'Rate this product' });
    expect(await form.getByTestId('rating-as').textContent()).toBe('browser-testers');
    await form.getByLabel('4 ★').check();
    await form.getByLabel('Comment (optional)').fill('Session boundaries match our daypart work.');
    await form.getByRole('button', { name: 'Rate' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Thank you: your rating is counted.');
    await expect.poll(async () => Number(/(\d+) in all/.exec((await summary.textContent()) ?? '')?.[1])).toBe(before + 1);
    expect(await ui.page.locator('#ratings table tr', { hasText: 'browser-testers' }).count()).toBe(1);
    await shot('3-rated');
  });

  it('follows lineage from the graph to an upstream product, which lists it downstream', async () => {
    const upstream = await ui.page.getByTestId('upstream').getByRole('link').allTextContents();
    expect(upstream).toContain('Play events');
    // Click the node in the drawn graph, not the list below it.
    await ui.page.locator('.graph a[data-node]', { hasText: 'Play events' }).click();
    await ui.page.waitForURL(/play-events/);
    await expect.poll(() => ui.page.getByRole('heading', { level: 1 }).textContent()).toBe('Play events');
    expect(await ui.page.getByTestId('downstream').getByRole('link').allTextContents()).toContain('Listening sessions');
    await shot('4-upstream');
  });

  it("opens the owner's report from the product page: refused to a consumer, shown to the owner team once signed in", async () => {
    const owner = (await ui.page.locator('.byline a[href^="/owners/"]').first().textContent()) ?? '';
    expect(owner).not.toBe('');
    await ui.page.locator('.byline a[href^="/owners/"]').first().click();
    await expect.poll(() => ui.page.getByRole('heading', { level: 1 }).textContent()).toBe(`Owner report: ${owner}`);
    expect(await ui.page.getByTestId('usage-refused').textContent()).toContain(`sign in with team ${owner}’s token`);
    await ui.page.getByTestId('usage-refused').getByRole('link', { name: 'Sign in' }).click();
    await ui.page.waitForURL(/\/sign-in\?next=/);
    await submitToken(ui.page, await createToken(ui.quanta.url, { name: `${owner} in the browser`, role: 'owner', team: owner }));
    await ui.page.waitForURL(/\/owners\//);
    await expect.poll(() => ui.page.getByRole('heading', { level: 1 }).textContent()).toBe(`Owner report: ${owner}`);
    const rows = ui.page.getByTestId('usage-table').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.filter({ has: ui.page.getByRole('link', { name: 'Play events', exact: true }) }).count()).toBe(1);
    await shot('5-owner-report');
  });

  it('opens the mesh page: domains and products as networks, and interconnections over time', async () => {
    await ui.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mesh' }).click();
    await expect.poll(() => ui.page.getByRole('heading', { level: 1 }).textContent()).toBe('The mesh');
    expect(await ui.page.locator('section[aria-labelledby="net-h"] a[data-node]').count()).toBe(8);
    // And every linked product, each a link to its page.
    expect(await ui.page.locator('section[aria-labelledby="products-net-h"] a[data-node]').count()).toBeGreaterThan(40);
    await expect.poll(() => ui.page.locator('.recharts-line').count()).toBeGreaterThan(0);
    await shot('6-mesh');
  });

  it('goes from a field\'s concept to everything that speaks about it', async () => {
    await ui.page.goto(`${ui.quanta.webUrl}/?q=listening%20sessions`);
    await ui.page.getByTestId('hit').getByRole('link', { name: 'Listening sessions', exact: true }).click();
    await ui.page.waitForURL(/listening-sessions/);
    // The ports table links each field's concept.
    await ui.page.locator('table').filter({ hasText: 'listener_id' }).getByRole('link', { name: 'Listener', exact: true }).click();
    await expect.poll(() => ui.page.getByRole('heading', { level: 1 }).textContent()).toBe('Everything that speaks about Listener');
    const about = await ui.page.getByTestId('concept-products').getByRole('link').allTextContents();
    expect(about).toContain('Listening sessions');
    expect(about.length).toBeGreaterThan(3);
    await shot('7-concept');
  });

  it('signs in and rates without JavaScript too: the forms post and the page comes back with the rating counted', async () => {
    const noJs = await ui.browser.context.newPage();
    // The profile is persistent (one context), so scripts are switched off for this page alone.
    await (await ui.browser.context.newCDPSession(noJs)).send('Emulation.setScriptExecutionDisabled', { value: true });
    try {
      const product = `/products/${encodeURIComponent('https://daff.example/products/player/play-events')}`;
      await noJs.goto(`${ui.quanta.webUrl}/sign-in?next=${encodeURIComponent(product)}`);
      // Next.js's runtime never ran on this page: no hydration, a plain HTML form.
      expect(await noJs.evaluate(() => 'next' in globalThis)).toBe(false);
      await submitToken(noJs, await createToken(ui.quanta.url, { name: 'no script readers', role: 'consumer', consumer: 'no-script-readers' }));
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
    const post = (body: string, type = 'application/json') => fetch(`${ui.quanta.webUrl}/graphql`, { method: 'POST', headers: { 'content-type': type }, body });
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
    const missing = await ui.page.goto(`${ui.quanta.webUrl}/products/${encodeURIComponent('https://daff.example/products/nobody/nothing')}`);
    expect(missing?.status()).toBe(404);
    expect(await ui.page.getByRole('heading', { level: 1 }).textContent()).toBe('Not found');
    const malformed = await ui.page.goto(`${ui.quanta.webUrl}/concepts/not-an-iri`);
    expect(malformed?.status()).toBe(404);
  });

  it('draws a product\'s semantic model as an entity diagram', async () => {
    await ui.page.goto(`${ui.quanta.webUrl}/products/${encodeURIComponent('https://daff.example/products/artist/artist-payments')}`);
    const diagram = ui.page.locator('section[aria-labelledby="model-h"] svg');
    // Royalty payment —paid to→ Payee —closeMatch→ Artist (a shared concept, linked to its page).
    expect(await diagram.locator('a[data-node]').allTextContents()).toEqual(
      expect.arrayContaining(['Royalty paymentnet amount: decimal', 'Payee(no attributes)', 'Artistshared concept']),
    );
    expect(await diagram.locator('text').allTextContents()).toEqual(expect.arrayContaining(['paid to', 'net amount: decimal']));
    await ui.page.locator('section[aria-labelledby="model-h"]').screenshot({ path: join(SCREENSHOTS, '8-entity-diagram.png') });
  });

  it("asks a visitor to sign in to decide about a duplicate, takes the verdict only from the product's owner team, and then drops the nudge", async () => {
    const team = 'social-listening';
    const verdictForm = () => ui.page.getByRole('form', { name: 'Not a duplicate' });
    await ui.page.goto(`${ui.quanta.webUrl}/owners/${team}`);
    await ui.page.getByTestId('session').getByRole('button', { name: 'Sign out' }).click();
    await ui.page.getByTestId('sign-in-to-decide').first().getByRole('link', { name: 'Sign in to decide' }).click();
    await ui.page.waitForURL(/\/sign-in\?next=/);
    // Another team's token: the form is there, and the API's refusal is what it says.
    await submitToken(ui.page, await createToken(ui.quanta.url, { name: 'another team', role: 'owner', team: 'listener-insights' }));
    await ui.page.waitForURL(/\/owners\//);
    await verdictForm().getByLabel('Not a duplicate? Say why').fill('Weekly mentions per artist, not daily sentiment.');
    await verdictForm().getByRole('button', { name: 'Not a duplicate' }).click();
    await expect.poll(() => verdictForm().getByRole('status').textContent()).toMatch(/^only team social-listening \(or an admin\) may decide .* your token is for team listener-insights$/);
    // The owner team's own token: the verdict is recorded and the pair leaves the report.
    await signIn(ui.page, ui.quanta.webUrl as string, await createToken(ui.quanta.url, { name: `${team} in the browser`, role: 'owner', team }), `/owners/${team}`);
    await verdictForm().getByLabel('Not a duplicate? Say why').fill('Weekly mentions per artist, not daily sentiment.');
    await verdictForm().getByRole('button', { name: 'Not a duplicate' }).click();
    await expect.poll(() => verdictForm().count()).toBe(0);
    const groups = await call<{ groups: unknown[] }>(ui.quanta.url, 'GET', `/api/v1/reports/duplicates?owner=${team}`);
    expect(groups.body.groups).toEqual([]);
  });

  it('meets WCAG 2.1 AA on every kind of page, as axe-core checks it (no serious or critical violation)', async () => {
    // As an admin, who sees every chart; then as a visitor, who sees the notes in their place.
    await signIn(ui.page, ui.quanta.webUrl as string, ui.quanta.adminToken as string);
    const charted = ['/owners/listener-insights', '/domains/listener', '/mesh', `/products/${encodeURIComponent('https://daff.example/products/listener/listening-sessions')}`];
    const pages = [...charted, '/?q=listner', `/concepts/${encodeURIComponent('https://daff.example/ontology/Listener')}`, '/owners', '/domains', '/products/unknown'];
    const found: Record<string, unknown> = {};
    for (const path of pages) {
      await ui.page.goto(`${ui.quanta.webUrl}${path}`);
      // Charts draw in the browser: check them drawn, not their empty boxes.
      if (charted.includes(path)) await ui.page.locator('.recharts-surface').first().waitFor();
      const violations = await accessibilityViolations(ui.page);
      if (violations.length) found[path] = violations;
    }
    await ui.page.getByTestId('session').getByRole('button', { name: 'Sign out' }).click();
    await ui.page.getByTestId('session').getByRole('link', { name: 'Sign in' }).waitFor();
    for (const path of ['/sign-in', '/owners/listener-insights', `/products/${encodeURIComponent('https://daff.example/products/listener/listening-sessions')}`]) {
      await ui.page.goto(`${ui.quanta.webUrl}${path}`);
      const violations = await accessibilityViolations(ui.page);
      if (violations.length) found[`${path} (visitor)`] = violations;
    }
    expect(found).toEqual({});
  });
});
