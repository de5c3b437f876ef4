'use client';

/**
 * A page that failed to load. Next.js keeps a server error's message out of production pages (it
 * may hold internals), so this says what is likely and gives the reference the server logged.
 */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="panel" role="alert">
      <h1>This page could not be loaded</h1>
      <p>The Quanta API did not answer as expected: it may be restarting, or overloaded.</p>
      <p className="muted small">Trying again usually works.{error.digest ? ` Reference for the server log: ${error.digest}.` : ''}</p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
