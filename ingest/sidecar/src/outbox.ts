import { transientDelay } from './backoff.js';
import { BoundedQueue } from './buffer.js';
import type { Located, Send } from './http.js';
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
    this.#dropped['slo-checks'] += this.#checks.push(bodies);
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
   * transient failure and says when to try again. When Quanta refuses a batch and names the items
   * at fault (422, `errors[].pointer` such as `/3/consumer`), drops just those and sends the rest
   * again; a refusal that names no item drops the batch (it would be refused again). Never
   * rejects unless a bug throws.
   */
  async flush(iri: string, signal: AbortSignal): Promise<FlushResult> {
    this.#dropped.usage += this.#usage.seal();
    const checks = await this.#drain<SloCheckBody>({
      what: 'slo-checks',
      path: `/api/v1/products/${encodeURIComponent(iri)}/slo-checks`,
      next: () => this.#checks.peek(BATCH),
      remove: (b) => this.#checks.remove(b),
      toBody: (b) => b,
      describe: (c) => `the ${c.metric} check at ${c.at}`,
      signal,
    });
    if (checks.kind !== 'done') return checks;
    return this.#drain<UsageReport>({
      what: 'usage',
      path: '/api/v1/usage',
      next: () => this.#usage.peek(BATCH),
      remove: (b) => this.#usage.sent(b),
      toBody: (b) => b.map((u) => ({ product: iri, ...u })),
      describe: (u) => `the use by ${JSON.stringify(u.consumer.slice(0, 100))}${u.port === undefined ? '' : ` of port ${u.port}`}`,
      signal,
    });
  }

  async #drain<T>(lane: Lane<T>): Promise<FlushResult> {
    const { what, path, next, remove, toBody, signal } = lane;
    for (let batch = next(); batch.length > 0; batch = next()) {
      const answer = await this.#deps.send({ method: 'POST', path, body: JSON.stringify(toBody(batch)), contentType: 'application/json' }, signal);
      if (answer.kind === 'transient') {
        const delayMs = this.#backoff(answer);
        this.#deps.log({ type: 'retrying', what, attempt: this.#attempt, delayMs, reason: answer.reason });
        return { kind: 'retry', delayMs };
      }
      // The product is gone from Quanta (its data was reset): keep the batch for after re-registering.
      if (answer.kind === 'refused' && answer.status === 404) return { kind: 'unknown-product', delayMs: this.#backoff({}) };
      this.#attempt = 0;
      const faults = answer.kind === 'refused' && answer.status === 422 ? itemFaults(answer.errors, batch.length) : new Map<number, string[]>();
      if (faults.size > 0) {
        // Each round drops at least one item, so a server that keeps refusing cannot loop us forever.
        remove([...faults.keys()].map((i) => batch[i] as T));
        for (const [i, problems] of faults) {
          this.#deps.log({ type: 'dropped', what, count: 1, reason: 'invalid', detail: `Quanta refused ${lane.describe(batch[i] as T)}: ${problems.join('; ')}` });
        }
        continue;
      }
      remove(batch);
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
  #backoff(answer: { readonly retryAfterMs?: number; readonly credentials?: true }): number {
    const delayMs = transientDelay(this.#attempt, this.#deps.retry, answer);
    this.#attempt += 1;
    return delayMs;
  }
}

/** One kind of signal on its way: where it goes, and how to take it from and describe it in its buffer. */
interface Lane<T> {
  readonly what: SignalKind;
  readonly path: string;
  readonly next: () => readonly T[];
  readonly remove: (items: readonly T[]) => void;
  readonly toBody: (batch: readonly T[]) => unknown;
  /** An item, for the log line that says it was dropped. */
  readonly describe: (item: T) => string;
  readonly signal: AbortSignal;
}

/**
 * The items of a batch of `size` that a refusal's errors name (`/3/consumer` names item 3), each
 * with what is wrong with it (`consumer: must be …`). Errors that name no item (the root, an index
 * beyond the batch) are left out: when none is left, the refusal is the whole batch's.
 */
export function itemFaults(errors: readonly Located[], size: number): Map<number, string[]> {
  const faults = new Map<number, string[]>();
  for (const { pointer, message } of errors) {
    const match = /^\/(0|[1-9]\d*)(\/.*)?$/.exec(pointer);
    const index = match ? Number(match[1]) : -1;
    if (index < 0 || index >= size) continue;
    const field = match?.[2] ? `${match[2].slice(1).replace(/~1/g, '/').replace(/~0/g, '~')}: ` : '';
    faults.set(index, [...(faults.get(index) ?? []), `${field}${message}`]);
  }
  return new Map([...faults].sort(([a], [b]) => a - b));
}
