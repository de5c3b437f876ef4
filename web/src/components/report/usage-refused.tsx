import Link from 'next/link';
import { signInHref } from '@/lib/links';

/**
 * In place of a usage report the viewer may not read: who may (the owner team and admins), the
 * API's own sentence, and the way to sign in with the right token. The rest of the page stays.
 */
export function UsageRefused({ team, next, reason }: { team?: string; next: string; reason: string }) {
  return (
    <div className="notice" data-testid="usage-refused">
      <p style={{ margin: 0 }}>
        {team ? (
          <>Usage reports are for the owner team and admins: sign in with team {team}’s token.</>
        ) : (
          <>Usage reports are for each product’s owner team and admins: sign in with an owner team’s token.</>
        )}{' '}
        <Link href={signInHref(next)}>Sign in</Link>
      </p>
      <p className="small" style={{ margin: '0.25rem 0 0' }}>
        The API said: {reason}
      </p>
    </div>
  );
}
