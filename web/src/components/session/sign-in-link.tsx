'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { signInHref } from '@/lib/links';

function Here({ children }: { children: string }) {
  const path = usePathname();
  const query = useSearchParams().toString();
  // On the sign-in page itself, coming back to it would be a loop: keep where it already leads.
  if (path === '/sign-in') return <Link href={`/sign-in${query ? `?${query}` : ''}`}>{children}</Link>;
  return <Link href={signInHref(query ? `${path}?${query}` : path)}>{children}</Link>;
}

/** "Sign in", coming back to the page it was on (the layout cannot know that page; the browser does). */
export function SignInLink({ children = 'Sign in' }: { children?: string }) {
  return (
    <Suspense fallback={<Link href="/sign-in">{children}</Link>}>
      <Here>{children}</Here>
    </Suspense>
  );
}
