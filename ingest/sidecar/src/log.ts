import type { SidecarEvent } from './types.js';

/** An event as one line a person can read, e.g. in a product's log. */
export function describeEvent(event: SidecarEvent): string {
  switch (event.type) {
    case 'registered':
      return `registered ${event.iri} with Quanta (${event.outcome}, revision ${event.revision})`;
    case 'refused':
      return `Quanta refused the ${event.what}${event.status ? ` (${event.status})` : ''}: ${event.detail}${event.dropped ? `; ${event.dropped} dropped` : ''}`;
    case 'retrying':
      return `${event.what}: ${event.reason}; retry ${event.attempt} in ${event.delayMs} ms`;
    case 'sent':
      return `${event.what}: sent ${event.count}, ${event.stored} new`;
    case 'dropped':
      return `${event.what}: dropped ${event.count} (${event.reason})${event.detail ? `: ${event.detail}` : ''}`;
    case 'check-failed':
      return `the SLO checks failed to run: ${event.detail}`;
    case 'unknown-product':
      return `Quanta does not know ${event.iri} any more; registering again in ${event.delayMs} ms`;
    case 'error':
      return `${event.where} failed, and goes on: ${event.detail}`;
  }
}

/**
 * The log when the product gives none: one line on stderr per event, except routine sends, so a
 * refusal or an outage is never silent.
 */
export function stderrLog(event: SidecarEvent): void {
  if (event.type === 'sent') return;
  process.stderr.write(`quanta-sidecar: ${describeEvent(event)}\n`);
}

/** The product's log, kept from breaking the sidecar when it throws. */
export function guarded(log: (event: SidecarEvent) => void): (event: SidecarEvent) => void {
  return (event) => {
    try {
      log(event);
    } catch {
      // A log that throws must not stop registration or lose signals.
    }
  };
}

/** What went wrong, for a log line; never throws, whatever was thrown. */
export function describeError(e: unknown): string {
  try {
    return e instanceof Error ? e.message : String(e);
  } catch {
    return 'something that cannot be described was thrown';
  }
}
