'use server';

import { revalidatePath } from 'next/cache';
import { GatewayError } from '@/lib/gateway/client';
import { rateProduct } from '@/lib/gateway/queries/rate';
import { productHref } from '@/lib/links';
import { personToken, viewer } from '@/lib/session';

/** What the rating form shows after a submit. */
export interface RateState {
  readonly ok?: boolean;
  readonly message?: string;
  /** What was submitted: the form shows it again (React resets a form after its action). */
  readonly values?: { readonly stars: number; readonly comment: string };
}

/**
 * Rates a product as the signed-in person's own consumer (a team, or a consuming product): one
 * rating per consumer, a second one replaces the first. Who rates is the token's, never the
 * form's, and the rating goes with that person's token, which the API checks again.
 */
export async function rate(_previous: RateState, form: FormData): Promise<RateState> {
  const product = String(form.get('product') ?? '');
  const stars = Number(form.get('stars'));
  const comment = String(form.get('comment') ?? '').trim().slice(0, 2000);
  const values = { stars, comment };
  const who = await viewer();
  const token = await personToken();
  if (who.state !== 'signed-in' || token === undefined) return { ok: false, values, message: 'Sign in to rate: ratings are recorded as the signed-in consumer.' };
  if (!who.me.consumer) return { ok: false, values, message: 'Your token rates as no consumer: sign in with a consumer’s or an owner team’s token to rate.' };
  if (!Number.isInteger(stars) || stars < 1 || stars > 5) return { ok: false, values, message: 'Choose from one to five stars.' };
  try {
    const outcome = await rateProduct({ product, consumer: who.me.consumer, stars, comment }, token);
    revalidatePath(productHref(product));
    const said = { stored: 'Thank you: your rating is counted.', updated: 'Your rating was updated.', duplicate: 'You had given the same rating already.' };
    return { ok: true, values, message: said[outcome] };
  } catch (err) {
    if (err instanceof GatewayError) return { ok: false, values, message: err.message };
    throw err;
  }
}
