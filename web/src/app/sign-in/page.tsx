import type { Metadata } from 'next';
import { SignInForm } from '@/components/session/sign-in-form';
import { describeMe } from '@/components/session/describe-me';
import { safeNext } from '@/lib/links';
import { viewer } from '@/lib/session';

export const metadata: Metadata = { title: 'Sign in' };

interface Props {
  readonly searchParams: Promise<{ next?: string | string[] }>;
}

/**
 * Signing in with an API token (ADR 0016). Reading needs no sign-in; rating a product, deciding
 * about a duplicate and a team's usage report go with the person's own token, so the API records
 * and checks who it was.
 */
export default async function SignInPage({ searchParams }: Props) {
  const raw = (await searchParams).next;
  const next = safeNext(Array.isArray(raw) ? raw[0] : raw);
  const who = await viewer();
  return (
    <div className="sign-in">
      <h1>Sign in</h1>
      <p>
        Anyone can search and read the mesh. To rate a product, decide about a likely duplicate or read your team’s usage report, sign in with your
        own API token: ratings are recorded as your consumer, and reports are for the team that owns the products.
      </p>
      {who.state === 'signed-in' && <p className="notice">You are signed in as {describeMe(who.me)}. Signing in again replaces it.</p>}
      {who.state === 'lapsed' && <p className="notice">The token you signed in with no longer works: {who.reason}</p>}
      <SignInForm next={next} />
      <p className="small muted">
        An admin makes tokens with <code>quanta token create --name … --role consumer --consumer &lt;team&gt;</code>, or{' '}
        <code>--role owner --team &lt;team&gt;</code> for a team that owns products. Your token stays on this server, in a cookie your
        browser’s scripts cannot read, for eight hours or until you sign out.
      </p>
    </div>
  );
}
