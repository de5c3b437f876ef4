/**
 * A descriptor as an object (DESIGN.md §4): plain JSON that Quanta validates. The sidecar only
 * needs its `id`; everything else is the server's to check.
 */
export interface DescriptorObject {
  readonly id: string;
  readonly [field: string]: unknown;
}

/** One SLO check result, as the data product measured it against an SLO its descriptor declares. */
export interface SloCheck {
  /** The SLO's metric, e.g. `freshness`; it must match one the descriptor declares. */
  readonly metric: string;
  readonly passed: boolean;
  /** The output port, when several ports declare the same metric. */
  readonly port?: string;
  /** What was measured, e.g. an age in seconds. */
  readonly value?: number;
  /** When it was measured (RFC 3339); the time the check ran when left out. */
  readonly at?: string;
}

/** How long to wait between attempts: exponential from `minMs`, at most `maxMs`, with jitter. */
export interface RetryPolicy {
  readonly minMs: number;
  readonly maxMs: number;
}

/** The options of {@link startSidecar}. */
export interface SidecarOptions {
  /** Quanta's base URL, e.g. `http://127.0.0.1:4000`. */
  readonly server: string;
  /** Sent as `Authorization: Bearer <token>` on every call. */
  readonly token?: string;
  /** The descriptor, or the path of a YAML or JSON file holding it. */
  readonly descriptor: DescriptorObject | string;
  /** Runs the product's own SLO checks every `everyMs` and reports their results. */
  readonly sloChecks?: { readonly everyMs: number; readonly run: () => Promise<readonly SloCheck[]> };
  /** How often buffered usage (and any SLO checks not yet sent) goes to Quanta; 10 s by default. */
  readonly usageEveryMs?: number;
  /** Backoff while Quanta is unreachable or overloaded; 0.5 s to 60 s by default. */
  readonly retry?: RetryPolicy;
  /** Receives what happens; by default each event but `sent` is one line on stderr. */
  readonly log?: (event: SidecarEvent) => void;
  /** The most usage reports and SLO checks held each while they cannot be sent; 10,000 by default, 1,000,000 at most. */
  readonly maxBuffered?: number;
  /** How long one call to Quanta may take; 10 s by default. */
  readonly requestTimeoutMs?: number;
  /** How long {@link Sidecar.stop} may spend sending what is buffered; 5 s by default. */
  readonly stopTimeoutMs?: number;
}

/**
 * How registration ended. `registered` never rejects: a refusal is an answer, not an error, so
 * a product that forgets to handle it is not crashed by an unhandled rejection.
 */
export type Registration =
  | { readonly outcome: 'created' | 'updated' | 'unchanged'; readonly iri: string; readonly revision: number }
  /** Quanta refused the descriptor (4xx but 401, 403, 408, 429), or the descriptor file could not be read: not retried. */
  | { readonly outcome: 'refused'; readonly status?: number; readonly detail: string }
  /** {@link Sidecar.stop} was called before Quanta answered. */
  | { readonly outcome: 'stopped' };

/** What the sidecar sends after registering. */
export type SignalKind = 'usage' | 'slo-checks';

/** Everything the sidecar reports through `log`. */
export type SidecarEvent =
  | { readonly type: 'registered'; readonly outcome: 'created' | 'updated' | 'unchanged'; readonly iri: string; readonly revision: number }
  /** A 4xx answer (but 401, 403, 408, 429): the call is not retried, and what it carried is dropped. */
  | { readonly type: 'refused'; readonly what: 'registration' | SignalKind; readonly status?: number; readonly detail: string; readonly dropped?: number }
  /**
   * Quanta was unreachable or answered 5xx, 408 or 429: the call is tried again after `delayMs`.
   * After 401 or 403 (the token was refused) too, after the longest backoff, `retry.maxMs`.
   */
  | { readonly type: 'retrying'; readonly what: 'registration' | SignalKind; readonly attempt: number; readonly delayMs: number; readonly reason: string }
  | { readonly type: 'sent'; readonly what: SignalKind; readonly count: number; readonly stored: number }
  /**
   * Signals lost: the buffer was full (oldest first), the input was invalid (by Quanta's rules,
   * checked before buffering, or named by Quanta in a refusal: then only those items are lost and
   * the rest of their batch is sent again), or stop() ran out of time.
   */
  | { readonly type: 'dropped'; readonly what: SignalKind; readonly count: number; readonly reason: 'buffer-full' | 'invalid' | 'unsent-at-stop'; readonly detail?: string }
  /** The product's SLO check function threw or rejected. */
  | { readonly type: 'check-failed'; readonly detail: string }
  /** Quanta answered 404 for the product (its data was reset): it is registered again after `delayMs`. */
  | { readonly type: 'unknown-product'; readonly iri: string; readonly delayMs: number }
  /** Something the sidecar ran in the background threw (a bug): logged, never thrown at the product, and the sidecar goes on. */
  | { readonly type: 'error'; readonly where: 'registration' | 'flush' | 'slo-checks' | 'record-use'; readonly detail: string };

/** The handle {@link startSidecar} returns. */
export interface Sidecar {
  /** Settles once Quanta stored the descriptor, refused it, or stop() came first. Never rejects. */
  readonly registered: Promise<Registration>;
  /**
   * Counts `count` reads (1 by default) of the product by `consumer`: a team slug (`analytics`) or
   * a consuming product's IRI. Buffered and sent every `usageEveryMs`.
   * @returns false when the use was not buffered: invalid input, a refused registration, or stopped
   */
  recordUse(consumer: string, use?: { readonly port?: string; readonly count?: number }): boolean;
  /** Stops the timers and sends what is buffered once, within `stopTimeoutMs`. Never rejects. */
  stop(): Promise<void>;
}
