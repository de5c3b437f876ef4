'use client';

import { useActionState } from 'react';
import { rate, type RateState } from '@/app/products/[iri]/actions';
import { teamName } from '@/lib/team';

/**
 * The rating form for a signed-in consumer: a server action that also posts without JavaScript;
 * it says what happened and keeps what was typed. It rates as `consumer`, the person's own
 * (shown, not chosen: the server takes it from the token).
 */
export function RateForm({ product, consumer, current }: { product: string; consumer: string; current?: number }) {
  const [state, action, pending] = useActionState<RateState, FormData>(rate, {});
  return (
    <form action={action} onSubmit={(e) => pending && e.preventDefault()} className="rate-form" aria-label="Rate this product">
      <input type="hidden" name="product" value={product} />
      <fieldset>
        <legend>
          Your rating, as <span data-testid="rating-as">{teamName(consumer)}</span>
        </legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} style={{ fontWeight: 400 }}>
            <input type="radio" name="stars" value={n} defaultChecked={(state.values?.stars ?? current) === n} required /> {n} ★
          </label>
        ))}
      </fieldset>
      <div className="row">
        <div style={{ flex: 1 }}>
          <label htmlFor="rate-comment">Comment (optional)</label>
          <input id="rate-comment" name="comment" defaultValue={state.values?.comment ?? ''} maxLength={2000} placeholder="What worked, what did not" />
        </div>
        {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus while saving. */}
        <button type="submit" aria-disabled={pending}>
          {pending ? 'Saving…' : current ? 'Update rating' : 'Rate'}
        </button>
      </div>
      <p role="status" aria-live="polite" className={state.ok === false ? 'error small' : 'small'}>
        {state.message}
      </p>
    </form>
  );
}
