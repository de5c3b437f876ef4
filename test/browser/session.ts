import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { call } from '../src/index.js';

/** The UI's session cookie (web/src/lib/session.ts). */
export const SESSION_COOKIE = 'quanta_token';

/** A new API token made with the server's admin token; its secret, shown only in this answer. */
export async function createToken(apiUrl: string, request: { name: string; role: 'consumer' | 'owner' | 'reader' | 'admin'; consumer?: string; team?: string }): Promise<string> {
  const res = await call<{ secret: string }>(apiUrl, 'POST', '/api/v1/admin/tokens', request);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.secret;
}

/**
 * Signs in the way a person does: opens /sign-in (asking to come back to `next`), pastes the
 * token and waits to be taken back there.
 */
export async function signIn(page: Page, webUrl: string, secret: string, next = '/'): Promise<void> {
  await page.goto(`${webUrl}/sign-in?next=${encodeURIComponent(next)}`);
  await submitToken(page, secret);
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  await expect.poll(() => page.getByTestId('session').textContent()).toMatch(/^Signed in as /);
}

/** Pastes `secret` into the sign-in form on the page and submits it. */
export async function submitToken(page: Page, secret: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Your API token').fill(secret);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

/** The UI's session cookie in the browser, if any. */
export async function sessionCookie(context: BrowserContext, webUrl: string) {
  return (await context.cookies(webUrl)).find((c) => c.name === SESSION_COOKIE);
}
