'use client';

import { useActionState } from 'react';
import { signIn, type SignInState } from '@/app/sign-in/actions';

/** The token field: a password field, so the secret is not shown, kept by the browser or offered back. */
export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signIn, {});
  return (
    <form action={action} onSubmit={(e) => pending && e.preventDefault()} className="panel" aria-label="Sign in">
      <input type="hidden" name="next" value={next} />
      <label htmlFor="sign-in-token">Your API token</label>
      <div className="row">
        <input id="sign-in-token" name="token" type="password" autoComplete="off" spellCheck={false} required placeholder="quanta_…" style={{ flex: 1 }} />
        {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus while checking. */}
        <button type="submit" aria-disabled={pending}>
          {pending ? 'Checking…' : 'Sign in'}
        </button>
      </div>
      <p role="status" aria-live="polite" className={state.message ? 'error small' : 'small'}>
        {state.message}
      </p>
    </form>
  );
}
