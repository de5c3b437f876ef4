'use client';

import { useActionState, useId } from 'react';
import { notDuplicate, type VerdictState } from '@/app/owners/[team]/actions';

/** "Not a duplicate": the owner's answer to a duplicate nudge, with the reason shown beside the pair. */
export function NotDuplicateForm({ product, other }: { product: string; other: string }) {
  const [state, action, pending] = useActionState<VerdictState, FormData>(notDuplicate, {});
  const id = useId();
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
