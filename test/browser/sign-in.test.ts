import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserMissing, call, compliantDescriptor, SCREENSHOTS } from '../src/index.js';
import { createToken, sessionCookie, signIn, submitToken } from './session.js';
import { uiSuite } from './ui-suite.js';

const missing = browserMissing();
if (missing) console.warn(`browser suite skipped: ${missing}`);

const IRI = 'https://ui.example/products/signed-notes';
const TEAM = 'listener-insights';
const productPage = `/products/${encodeURIComponent(IRI)}`;
const ownerPage = `/owners/${TEAM}`;

/** The product's ratings as the API stores them, read as an admin. */
async function ratings(apiUrl: string): Promise<{ consumer: string; stars: number }[]> {
  const res = await call(apiUrl, 'POST', '/graphql', { query: 'query($iri: ID!) { product(iri: $iri) { ratings { consumer stars } } }', variables: { iri: IRI } });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.product.ratings;
}

// Signing in to the UI (issue 12, ADR 0017): visitors read with the UI's own reader token; a
// person pastes their own token to rate (as their own consumer), decide about duplicates and read
// their team's usage report. The token lives in an HttpOnly, SameSite=Strict cookie only.
describe.skipIf(missing)('signing in to the UI with an API token', () => {
  const secrets: Record<'consumer' | 'reader' | 'owner', string> = { consumer: '', reader: '', owner: '' };
  const ui = uiSuite({
    prepare: async (quanta) => {
      const registered = await call(quanta.url, 'PUT', '/api/v1/products', compliantDescriptor('https://ui.example/products', 'signed-notes'));
      expect(registered.status).toBe(201);
      secrets.consumer = await createToken(quanta.url, { name: 'analytics in the browser', role: 'consumer', consumer: 'analytics' });
      secrets.reader = await createToken(quanta.url, { name: 'a reader in the browser', role: 'reader' });
      secrets.owner = await createToken(quanta.url, { name: `${TEAM} in the browser`, role: 'owner', team: TEAM });
    },
  });

  it('shows a visitor the product with "Sign in to rate" instead of the form, and the header offers to sign in', async () => {
    await ui.page.goto(ui.web(productPage));
    await expect.poll(() => ui.page.getByRole('heading', { level: 1 }).textContent()).toBe('signed notes');
    expect(await ui.page.getByTestId('sign-in-to-rate').getByRole('link').textContent()).toBe('Sign in to rate');
    expect(await ui.page.getByRole('form', { name: 'Rate this product' }).count()).toBe(0);
    expect(await ui.page.getByTestId('session').getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe(`/sign-in?next=${encodeURIComponent(productPage)}`);
  });

  it('shows the API\'s own sentence for a token it does not accept, and sets no cookie', async () => {
    await ui.page.goto(ui.web('/sign-in'));
    for (const [token, said] of [
      [`quanta_${'A'.repeat(43)}`, 'the token is not known'],
      ['not-a-token', 'not a Quanta API token'],
    ] as const) {
      await submitToken(ui.page, token);
      const status = ui.page.getByRole('form', { name: 'Sign in' }).getByRole('status');
      await expect.poll(() => status.textContent()).toContain(said);
      expect(await status.textContent()).toMatch(/^The API did not accept this token: /);
      // The refused token is not shown back.
      expect(await ui.page.content()).not.toContain(token === 'not-a-token' ? 'value="not-a-token"' : token);
    }
    expect(new URL(ui.page.url()).pathname).toBe('/sign-in');
    expect(await sessionCookie(ui.browser.context, ui.web('/'))).toBeUndefined();
    await ui.page.screenshot({ path: join(SCREENSHOTS, '15-sign-in-refused.png'), fullPage: true });
  });

  it('signs a consumer in from the product page, comes back to it, and rates as that consumer', async () => {
    await ui.page.goto(ui.web(productPage));
    await ui.page.getByTestId('sign-in-to-rate').getByRole('link', { name: 'Sign in to rate' }).click();
    await ui.page.waitForURL(/\/sign-in\?next=/);
    await submitToken(ui.page, secrets.consumer);
    await ui.page.waitForURL((url) => url.pathname === productPage);
    await expect.poll(() => ui.page.getByTestId('session').textContent()).toMatch(/^Signed in as consumer analytics \(token:tok_[\w-]+\)Sign out$/);
    // Who rates is the token's: the form says so, and has no field to choose another.
    const form = ui.page.getByRole('form', { name: 'Rate this product' });
    expect(await form.getByTestId('rating-as').textContent()).toBe('analytics');
    expect(await form.getByLabel('Your team').count()).toBe(0);
    await form.getByLabel('4 ★').check();
    await form.getByLabel('Comment (optional)').fill('Signed in, rated as ourselves.');
    await form.getByRole('button', { name: 'Rate' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Thank you: your rating is counted.');
    expect(await ratings(ui.quanta.url)).toEqual([{ consumer: 'urn:quanta:team:analytics', stars: 4 }]);
    await expect.poll(() => ui.page.locator('#ratings table tr', { hasText: 'analytics' }).count()).toBe(1);
    await ui.page.screenshot({ path: join(SCREENSHOTS, '13-signed-in-rating.png'), fullPage: true });
  });

  it('keeps the token in an HttpOnly, SameSite=Strict cookie: never in the page, its scripts or the logs', async () => {
    const cookie = await sessionCookie(ui.browser.context, ui.web('/'));
    // Not Secure over plain http: the browser would never send it back.
    expect(cookie).toMatchObject({ value: secrets.consumer, httpOnly: true, sameSite: 'Strict', path: '/', secure: false });
    // A sign-in lasts hours, not a browser's lifetime.
    const hours = ((cookie?.expires ?? 0) * 1000 - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);
    expect(await ui.page.evaluate(() => (globalThis as unknown as { document: { cookie: string } }).document.cookie)).not.toContain(secrets.consumer);
    for (const path of [productPage, ownerPage, '/sign-in', '/']) {
      const html = await (await ui.page.request.get(ui.web(path))).text();
      expect(html, path).not.toContain(secrets.consumer);
    }
    expect(ui.quanta.output()).not.toContain(secrets.consumer);
  });

  it("keeps the UI's own routes working for a signed-in person: search as you type, the JSON-LD", async () => {
    await ui.page.goto(ui.web('/'));
    await ui.page.getByRole('searchbox', { name: 'Search data products' }).pressSequentially('signed', { delay: 20 });
    await expect.poll(() => ui.page.locator('#results-heading').textContent()).toContain('for “signed”');
    expect(await ui.page.getByTestId('hit').locator('h2 a').allTextContents()).toContain('signed notes');
    const jsonld = await ui.page.request.get(ui.web(`${productPage}/jsonld`));
    expect(jsonld.status()).toBe(200);
    expect(await jsonld.text()).toContain(IRI);
  });

  it('signs a reader in: a team\'s usage report is refused with a note saying whose it is, and the rest of the page stays', async () => {
    await signIn(ui.page, ui.quanta.webUrl as string, secrets.reader, ownerPage);
    expect(new URL(ui.page.url()).pathname).toBe(ownerPage);
    expect(await ui.page.getByTestId('session').textContent()).toMatch(/^Signed in as reader /);
    const note = ui.page.getByTestId('usage-refused');
    await ui.page.getByRole('heading', { level: 1, name: `Owner report: ${TEAM}` }).waitFor();
    expect(await note.textContent()).toContain(`Usage reports are for the owner team and admins: sign in with team ${TEAM}’s token.`);
    expect(await note.textContent()).toContain('your token may only read');
    expect(await ui.page.getByTestId('usage-table').count()).toBe(0);
    await expect.poll(() => ui.page.getByRole('heading', { name: 'Nudges' }).isVisible()).toBe(true);
    // The product page too: usage refused, and a reader rates as no one.
    await ui.page.goto(ui.web(productPage));
    await ui.page.getByTestId('usage-refused').waitFor();
    expect(await ui.page.getByTestId('sign-in-to-rate').textContent()).toContain('Your token rates as no consumer.');
    await ui.page.goto(ui.web(ownerPage));
    await ui.page.getByTestId('usage-refused').waitFor();
    await ui.page.screenshot({ path: join(SCREENSHOTS, '14-usage-refused.png'), fullPage: true });
  });

  it('signs the owner team in from the note, which then sees its report', async () => {
    await ui.page.getByTestId('usage-refused').getByRole('link', { name: 'Sign in' }).click();
    await ui.page.waitForURL(/\/sign-in\?next=/);
    await submitToken(ui.page, secrets.owner);
    await ui.page.waitForURL((url) => url.pathname === ownerPage);
    await expect.poll(() => ui.page.getByTestId('session').textContent()).toMatch(new RegExp(`^Signed in as team ${TEAM} `));
    const rows = ui.page.getByTestId('usage-table').locator('tbody tr');
    await expect.poll(() => rows.filter({ hasText: 'signed notes' }).count()).toBe(1);
    expect(await ui.page.getByTestId('usage-refused').count()).toBe(0);
  });

  it('signs out: the cookie is gone and the product page asks to sign in again', async () => {
    await ui.page.getByTestId('session').getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => ui.page.getByTestId('session').getByRole('link').textContent()).toBe('Sign in');
    expect(await sessionCookie(ui.browser.context, ui.web('/'))).toBeUndefined();
    await ui.page.getByTestId('usage-refused').waitFor();
    await ui.page.goto(ui.web(productPage));
    await ui.page.getByTestId('sign-in-to-rate').waitFor();
  });

  it('never leads off the site after signing in, whatever `next` says (no open redirect)', async () => {
    for (const next of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      await ui.page.goto(`${ui.web('/sign-in')}?next=${encodeURIComponent(next)}`);
      expect(await ui.page.locator('input[name="next"]').inputValue(), next).toBe('/');
      await submitToken(ui.page, secrets.consumer);
      await ui.page.waitForURL((url) => url.pathname !== '/sign-in');
      expect(new URL(ui.page.url()).origin, next).toBe(ui.quanta.webUrl);
      expect(new URL(ui.page.url()).pathname, next).toBe('/');
    }
    // The action checks `next` itself, not only the page that renders the form.
    await ui.page.goto(ui.web('/sign-in'));
    await ui.page.locator('input[name="next"]').evaluate((input) => ((input as unknown as { value: string }).value = 'https://evil.example/phish'));
    await submitToken(ui.page, secrets.consumer);
    await ui.page.waitForURL((url) => url.pathname !== '/sign-in');
    expect(ui.page.url()).toBe(`${ui.quanta.webUrl}/`);
  });

  it('reads as a visitor again once the token is revoked, and says the sign-in lapsed', async () => {
    const tokens = await call<{ tokens: { id: string; name: string }[] }>(ui.quanta.url, 'GET', '/api/v1/admin/tokens');
    const id = tokens.body.tokens.find((t) => t.name === 'analytics in the browser')?.id;
    expect((await call(ui.quanta.url, 'DELETE', `/api/v1/admin/tokens/${id}`)).status).toBe(200);
    await ui.page.goto(ui.web(productPage));
    expect(await ui.page.getByTestId('session').textContent()).toBe('Your token no longer works.Sign in again');
    await ui.page.getByTestId('sign-in-to-rate').waitFor();
    expect(await ui.page.getByRole('heading', { level: 1 }).textContent()).toBe('signed notes');
  });

  it('marks the cookie Secure when the person reached the UI over https (as a TLS proxy says), and only then', async () => {
    const proxied = await ui.browser.context.newPage();
    try {
      await proxied.route(`${ui.web('/sign-in')}**`, (route) => route.continue({ headers: { ...route.request().headers(), 'x-forwarded-proto': 'https' } }));
      await proxied.goto(ui.web('/sign-in'));
      const answer = proxied.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/sign-in');
      await submitToken(proxied, secrets.reader);
      const cookie = (await (await answer).headerValue('set-cookie')) ?? '';
      expect(cookie).toMatch(/^quanta_token=/);
      for (const attribute of [/;\s*Secure(;|$)/i, /;\s*HttpOnly(;|$)/i, /;\s*SameSite=Strict(;|$)/i, /;\s*Path=\/(;|$)/i, /;\s*Max-Age=28800(;|$)/i]) expect(cookie).toMatch(attribute);
    } finally {
      await proxied.close();
      await ui.browser.context.clearCookies();
    }
  });
});
