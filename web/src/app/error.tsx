'use client';

/** A page that failed to load: what happened in a sentence, and a way to try again. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="panel" role="alert">
      <h1>This page could not be loaded</h1>
      <p>{error.message || 'The Quanta API did not answer as expected.'}</p>
      <p className="muted small">If the API was restarting, trying again usually works.{error.digest ? ` Reference: ${error.digest}.` : ''}</p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
