/** Shown while the report waits for the API (reports read the whole mesh). */
export default function Loading() {
  return (
    <p className="muted" role="status" aria-live="polite">
      Loading the report…
    </p>
  );
}
