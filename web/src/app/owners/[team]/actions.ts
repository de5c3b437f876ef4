'use server';

import { revalidatePath } from 'next/cache';
import { GatewayError } from '@/lib/gateway/client';
import { rest } from '@/lib/gateway/rest';
import { personToken } from '@/lib/session';

/** What a nudge's form shows after a submit. */
export interface VerdictState {
  readonly ok?: boolean;
  readonly message?: string;
  /** The reason given: the form shows it again after an error (React resets a form after its action). */
  readonly reason?: string;
}

/**
 * An owner's answer to a duplicate nudge: "not a duplicate", with the reason people will read
 * beside the pair. Detection then leaves the pair alone and search stops demoting the product.
 * It goes with the signed-in person's token: the API takes it only from the product's owner team.
 */
export async function notDuplicate(_previous: VerdictState, form: FormData): Promise<VerdictState> {
  const product = String(form.get('product') ?? '');
  const other = String(form.get('other') ?? '');
  const reason = String(form.get('reason') ?? '').trim();
  const token = await personToken();
  if (token === undefined) return { ok: false, reason, message: 'Sign in with your team’s token to decide: only the product’s owner team may.' };
  try {
    await rest('PUT', `/api/v1/products/${encodeURIComponent(product)}/duplicates/${encodeURIComponent(other)}`, { body: { verdict: 'not-duplicate', reason }, token });
    revalidatePath('/owners/[team]', 'page');
    return { ok: true, message: 'Recorded: not a duplicate. Search stops demoting it.' };
  } catch (err) {
    if (err instanceof GatewayError) return { ok: false, reason, message: err.message };
    throw err;
  }
}
