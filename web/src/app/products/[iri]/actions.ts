'use server';

import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { GatewayError } from '@/lib/gateway/client';
import { rateProduct } from '@/lib/gateway/queries/rate';
import { productHref } from '@/lib/links';
import { TEAM_COOKIE } from '@/lib/team';

/** What the rating form shows after a submit. */
export interface RateState {
  readonly ok?: boolean;
  readonly message?: string;
  /** What was submitted: the form shows it again (React resets a form after its action). */
  readonly values?: { readonly team: string; readonly stars: number; readonly comment: string };
}

const TEAM = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * Rates a product as a consumer team: one rating per team, a second one replaces the first.
 * The team is remembered in a cookie so the form is filled in next time (issue 12 brings sign-in).
 */
export async function rate(_previous: RateState, form: FormData): Promise<RateState> {
  const product = String(form.get('product') ?? '');
  const team = String(form.get('team') ?? '').trim().toLowerCase();
  const stars = Number(form.get('stars'));
  const comment = String(form.get('comment') ?? '').trim().slice(0, 2000);
  const values = { team, stars, comment };
  if (!TEAM.test(team)) return { ok: false, values, message: 'Give your team’s name as it appears in the mesh, such as “growth-analytics”.' };
  if (!Number.isInteger(stars) || stars < 1 || stars > 5) return { ok: false, values, message: 'Choose from one to five stars.' };
  try {
    const outcome = await rateProduct({ product, team, stars, comment });
    (await cookies()).set(TEAM_COOKIE, team, { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });
    revalidatePath(productHref(product));
    const said = { stored: 'Thank you: your rating is counted.', updated: 'Your rating was updated.', duplicate: 'You had given the same rating already.' };
    return { ok: true, values, message: said[outcome] };
  } catch (err) {
    if (err instanceof GatewayError) return { ok: false, values, message: err.message };
    throw err;
  }
}
