'use client';

import Link from 'next/link';
import { useActionState, useId } from 'react';
import { notDuplicate, type VerdictState } from '@/app/owners/[team]/actions';
import { signInHref } from '@/lib/links';

/**
 * "Not a duplicate": the owner's answer to a duplicate nudge, with the reason shown beside the
 * pair. Only a signed-in person gets the form (the verdict goes with their token); a visitor is
 * offered to sign in and come back to `here`.
 */
export function NotDuplicateForm({ product, other, signedIn, here }: { product: string; other: string; signedIn: boolean; here: string }) {
  const [state, action, pending] = useActionState<VerdictState, FormData>(notDuplicate, {});
  const id = useId();
  if (!signedIn) {
    return (
      <p data-testid="sign-in-to-decide">
        <Link href={signInHref(here)}>Sign in to decide</Link> whether it is a duplicate, with its owner team’s token.
      </p>
    );
  }
  return (
    <form action={action} onSubmit={(e) => pending && e.preventDefault()} className="rate-form" aria-label="Not a duplicate">
      <input type="hidden" name="product" value={product} />
      <input type="hidden" name="other" value={other} />
      <div className="row">
        <div style={{ flex: 1 }}>
          <label htmlFor={id}>Not a duplicate? Say why</label>
          <input id={id} name="reason" defaultValue={state.reason ?? ''} required minLength={3} maxLength={2000} placeholder="Different grain: one row per session, not per day" />
        </div>
        <button type="submit" className="secondary" aria-disabled={pending}>
          {pending ? 'Saving…' : 'Not a duplicate'}
        </button>
      </div>
      <p role="status" aria-live="polite" className={state.ok === false ? 'error small' : 'small'}>
        {state.message}
      </p>
    </form>
  );
}
