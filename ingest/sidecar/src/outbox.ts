import { retryDelay } from './backoff.js';
import { BoundedQueue } from './buffer.js';
import type { Send } from './http.js';
import { type SloCheckBody, sloCheckBody } from './slo.js';
import type { RetryPolicy, SidecarEvent, SignalKind, SloCheck } from './types.js';
import { type UsageReport, UsageLedger } from './usage.js';

/**
 * Reports per call. Quanta takes up to 1,000 (MAX_SIGNALS), but its body limit is 1 MiB by
 * default and a usage report may carry two IRIs of 2,000 characters each.
 */
const BATCH = 200;

/**
 * How a flush ended: all sent (or refused for good), to be retried after `delayMs`, or Quanta
 * lost the product, to be registered again after `delayMs` (backed off too, so a 404 that
 * registering does not cure cannot turn into a tight loop).
 */
export type FlushResult = { readonly kind: 'done' } | { readonly kind: 'retry' | 'unknown-product'; readonly delayMs: number };

/** What the outbox needs: a sender, the log, and its limits. */
export interface OutboxDeps {
  readonly send: Send;
  readonly log: (event: SidecarEvent) => void;
  readonly retry: RetryPolicy;
  readonly capacity: number;
}

/**
 * Usage and SLO checks waiting for Quanta, each bounded by `capacity`. A batch leaves only once
 * Quanta answered it, so an outage loses nothing until the buffer is full (then the oldest go).
 */
export class SignalOutbox {
  readonly #usage: UsageLedger;
  readonly #checks: BoundedQueue<SloCheckBody>;
  readonly #dropped: Record<SignalKind, number> = { usage: 0, 'slo-checks': 0 };
  readonly #deps: OutboxDeps;
  #attempt = 0;

  constructor(deps: OutboxDeps) {
    this.#deps = deps;
    this.#usage = new UsageLedger(deps.capacity);
    this.#checks = new BoundedQueue(deps.capacity);
  }

  /** Counts a use the caller checked with `invalidUse`. */
  recordUse(consumer: string, port: string | undefined, count: number, at: string): void {
    this.#dropped.usage += this.#usage.record(consumer, port, count, at);
  }

  /** Queues the results of one run of the product's checks, measured at `at` unless they say. */
  addChecks(checks: readonly SloCheck[], at: string): void {
    const bodies: SloCheckBody[] = [];
    for (const check of checks) {
      const body = sloCheckBody(check, at);
      if ('invalid' in body) this.#deps.log({ type: 'dropped', what: 'slo-checks', count: 1, reason: 'invalid', detail: body.invalid });
      else bodies.push(body);
    }
    this.#dropped['slo-checks'] += this.#checks.push(...bodies);
  }

  /** Logs what the bounds dropped since the last call, as one event per kind rather than one per use. */
  reportDrops(): void {
    for (const what of ['usage', 'slo-checks'] as const) {
      if (this.#dropped[what] > 0) this.#deps.log({ type: 'dropped', what, count: this.#dropped[what], reason: 'buffer-full' });
      this.#dropped[what] = 0;
    }
  }

  /** Empties the outbox. @returns how many of each kind it held */
  clear(): Record<SignalKind, number> {
    return { usage: this.#usage.clear(), 'slo-checks': this.#checks.clear() };
  }

  /**
   * Sends everything buffered for the product `iri`, oldest first, in batches. Stops at the first
   * transient failure and says when to try again; drops a batch Quanta refuses (it would be
   * refused again). Never rejects.
   */
  async flush(iri: string, signal: AbortSignal): Promise<FlushResult> {
    this.#dropped.usage += this.#usage.seal();
    const checksPath = `/api/v1/products/${encodeURIComponent(iri)}/slo-checks`;
    const checks = await this.#drain('slo-checks', checksPath, () => this.#checks.peek(BATCH), (b) => this.#checks.remove(b), (b) => b, signal);
    if (checks.kind !== 'done') return checks;
    const toBody = (batch: readonly UsageReport[]) => batch.map((u) => ({ product: iri, ...u }));
    return this.#drain('usage', '/api/v1/usage', () => this.#usage.peek(BATCH), (b) => this.#usage.sent(b), toBody, signal);
  }

  async #drain<T>(
    what: SignalKind,
    path: string,
    next: () => readonly T[],
    remove: (batch: readonly T[]) => void,
    toBody: (batch: readonly T[]) => unknown,
    signal: AbortSignal,
  ): Promise<FlushResult> {
    for (let batch = next(); batch.length > 0; batch = next()) {
      const answer = await this.#deps.send({ method: 'POST', path, body: JSON.stringify(toBody(batch)), contentType: 'application/json' }, signal);
      if (answer.kind === 'transient') {
        const delayMs = this.#backoff(answer.retryAfterMs);
        this.#deps.log({ type: 'retrying', what, attempt: this.#attempt, delayMs, reason: answer.reason });
        return { kind: 'retry', delayMs };
      }
      // The product is gone from Quanta (its data was reset): keep the batch for after re-registering.
      if (answer.kind === 'refused' && answer.status === 404) return { kind: 'unknown-product', delayMs: this.#backoff() };
      remove(batch);
      this.#attempt = 0;
      if (answer.kind === 'refused') {
        this.#deps.log({ type: 'refused', what, status: answer.status, detail: answer.detail, dropped: batch.length });
      } else {
        const stored = (answer.body as { stored?: unknown } | undefined)?.stored;
        this.#deps.log({ type: 'sent', what, count: batch.length, stored: typeof stored === 'number' ? stored : batch.length });
      }
    }
    return { kind: 'done' };
  }

  /** The wait before the next try, longer after each failure in a row. */
  #backoff(retryAfterMs?: number): number {
    const delayMs = retryDelay(this.#attempt, this.#deps.retry, retryAfterMs);
    this.#attempt += 1;
    return delayMs;
  }
}
