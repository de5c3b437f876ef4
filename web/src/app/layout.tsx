import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SessionBar } from '@/components/session/session-bar';
import './globals.css';

// Every page shows the live mesh: render on each request, never at build time (the API is not up then).
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Quanta — data mesh discovery', template: '%s · Quanta' },
  description: 'Find the data products of the mesh, see why they rank where they do, and tell their owners how they serve you.',
};

/** Every page: a skip link, the navigation, who is signed in, and the page in a landmark. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip" href="#main">
          Skip to content
        </a>
        <header className="top">
          <Link href="/" className="brand" aria-label="Quanta, search">
            <span aria-hidden="true">◆</span> Quanta
          </Link>
          <nav aria-label="Main">
            <Link href="/">Search</Link>
            <Link href="/domains">Domains</Link>
            <Link href="/owners">Owners</Link>
            <Link href="/mesh">Mesh</Link>
          </nav>
          <SessionBar />
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
