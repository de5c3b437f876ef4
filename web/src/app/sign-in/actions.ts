'use server';

import { redirect } from 'next/navigation';
import { whoIs } from '@/lib/gateway/me';
import { safeNext } from '@/lib/links';
import { endSession, sendable, startSession } from '@/lib/session';

/** What the sign-in form shows after a failed attempt. The token is never sent back to the page. */
export interface SignInState {
  readonly message?: string;
}

/**
 * Signs a person in with their API token: the API says whose it is (`GET /api/v1/me`), and only a
 * token it accepts goes into the cookie. Then back to the page they came from, on this site only.
 */
export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  const token = String(form.get('token') ?? '').trim();
  const next = safeNext(String(form.get('next') ?? ''));
  if (token === '') return { message: 'Paste your API token: an admin makes one with “quanta token create”.' };
  // Checked before it goes in a header: a fetch error about a bad header would quote the value.
  if (!sendable(token)) return { message: 'That is not an API token: a token is one word of letters, digits, “-” and “_”, such as quanta_…' };
  const who = await whoIs(token);
  if (!who.ok) return { message: who.refused ? `The API did not accept this token: ${who.reason}` : `The token could not be checked: ${who.reason}` };
  await startSession(token);
  redirect(next);
}

/** Signs the person out. The page they are on renders again, as a visitor sees it. */
export async function signOut(): Promise<void> {
  await endSession();
}
