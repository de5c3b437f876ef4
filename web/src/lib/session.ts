import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { webConfig } from './config';
import { type Me, whoIs } from './gateway/me';

/**
 * Who the UI calls the API as (ADR 0016): the signed-in person's own token when there is one,
 * else the UI's reader token. Every choice of token is made here. The token stays on the server:
 * it lives in an httpOnly cookie, and nothing here hands it to a component.
 */

/** The cookie that holds a signed-in person's API token. */
export const SESSION_COOKIE = 'quanta_token';
/** How long a sign-in lasts: a working day, whatever the token's own expiry. */
const SESSION_MAX_AGE_S = 8 * 60 * 60;

/** Who is looking at a page. */
export type Viewer =
  | { readonly state: 'anonymous' }
  | { readonly state: 'signed-in'; readonly me: Me }
  /** The cookie's token is one the API no longer accepts (revoked, expired): read as a visitor, and say so. */
  | { readonly state: 'lapsed'; readonly reason: string };

/** Whether a token can go in a header at all (visible ASCII, bounded); the API judges the rest. */
export const sendable = (token: string): boolean => /^[\x21-\x7e]{1,4096}$/.test(token);

async function cookieToken(): Promise<string | undefined> {
  const value = (await cookies()).get(SESSION_COOKIE)?.value;
  return value !== undefined && sendable(value) ? value : undefined;
}

/**
 * Who is looking, asked of the API once per request (React's `cache`). A token the API refuses
 * counts as no sign-in, so a revoked token leaves a person reading as a visitor rather than
 * facing an error on every page; an API that cannot be reached fails the page on its own.
 */
export const viewer = cache(async (): Promise<Viewer> => {
  const token = await cookieToken();
  if (token === undefined) return { state: 'anonymous' };
  const who = await whoIs(token);
  if (who.ok) return { state: 'signed-in', me: who.me };
  return who.refused ? { state: 'lapsed', reason: who.reason } : { state: 'anonymous' };
});

/** The token for a read made for this request: the signed-in person's, else the UI's own. */
export async function readToken(): Promise<string | undefined> {
  return (await viewer()).state === 'signed-in' ? cookieToken() : webConfig().serviceToken;
}

/** The signed-in person's token, for what a person does (rating, verdicts): never the UI's own. */
export async function personToken(): Promise<string | undefined> {
  return (await viewer()).state === 'signed-in' ? cookieToken() : undefined;
}

/** The token for reads cached across people (`unstable_cache`): only the UI's own, so a cache holds only what any reader may see. */
export const sharedReadToken = (): string | undefined => webConfig().serviceToken;

/** Whether the person reached the UI over https (directly, or through a proxy that says so). */
async function overHttps(): Promise<boolean> {
  // Next.js fills this in from the socket when no proxy did. A client that lies about it only
  // changes its own cookie's Secure flag.
  return (await headers()).get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

async function setCookie(value: string, maxAge: number): Promise<void> {
  // httpOnly: page scripts never read it; Strict: no other site's page can make the browser send it.
  (await cookies()).set(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'strict', path: '/', secure: await overHttps(), maxAge });
}

/** Signs a person in with a token the API has just accepted (in a server action). */
export const startSession = (token: string): Promise<void> => setCookie(token, SESSION_MAX_AGE_S);

/** Signs the person out: the cookie is emptied and expires at once (in a server action). */
export const endSession = (): Promise<void> => setCookie('', 0);
