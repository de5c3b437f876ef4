import { signOut } from '@/app/sign-in/actions';
import { viewer } from '@/lib/session';
import { describeMe } from './describe-me';
import { SignInLink } from './sign-in-link';

/** The header's corner: who is signed in, with "Sign out", or "Sign in". */
export async function SessionBar() {
  const who = await viewer();
  if (who.state === 'signed-in') {
    return (
      <div className="session" data-testid="session">
        <span>Signed in as {describeMe(who.me)}</span>
        {/* A form, not a link: signing out changes state, so it is a POST (and works without JavaScript). */}
        <form action={signOut}>
          <button type="submit" className="secondary">
            Sign out
          </button>
        </form>
      </div>
    );
  }
  return (
    <div className="session" data-testid="session">
      {who.state === 'lapsed' && <span>Your token no longer works.</span>}
      <SignInLink>{who.state === 'lapsed' ? 'Sign in again' : 'Sign in'}</SignInLink>
    </div>
  );
}
