'use client';

import { useActionState } from 'react';
import { rate, type RateState } from '@/app/products/[iri]/actions';

/** The rating form: works without JavaScript (a plain form post), and says what happened with it. */
export function RateForm({ product, team, current }: { product: string; team: string; current?: number }) {
  const [state, action, pending] = useActionState<RateState, FormData>(rate, {});
  return (
    <form action={action} className="rate-form" aria-label="Rate this product">
      <input type="hidden" name="product" value={product} />
      <fieldset>
        <legend>Your rating</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} style={{ fontWeight: 400 }}>
            <input type="radio" name="stars" value={n} defaultChecked={current === n} required /> {n} ★
          </label>
        ))}
      </fieldset>
      <div className="row">
        <div>
          <label htmlFor="rate-team">Your team</label>
          <input id="rate-team" name="team" defaultValue={team} required placeholder="growth-analytics" />
        </div>
        <div style={{ flex: 1 }}>
          <label htmlFor="rate-comment">Comment (optional)</label>
          <input id="rate-comment" name="comment" maxLength={2000} placeholder="What worked, what did not" />
        </div>
        <button type="submit" disabled={pending}>
          {pending ? 'Saving…' : current ? 'Update rating' : 'Rate'}
        </button>
      </div>
      <p role="status" aria-live="polite" className={state.ok === false ? 'error small' : 'small'}>
        {state.message}
      </p>
    </form>
  );
}
