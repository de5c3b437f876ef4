import { transientDelay } from './backoff.js';
import { type DescriptorBody, descriptorBody } from './descriptor.js';
import type { Answer, Send } from './http.js';
import type { DescriptorObject, Registration, RetryPolicy, SidecarEvent } from './types.js';

/** What registering needs: a sender, the log, the backoff and the two stop signals. */
export interface RegisterDeps {
  readonly send: Send;
  readonly log: (event: SidecarEvent) => void;
  readonly retry: RetryPolicy;
  /** Set by stop(): no new attempt starts, and a wait between attempts ends at once. */
  readonly stopping: AbortSignal;
  /** Set when stop() runs out of time: the call in flight is abandoned. */
  readonly abandon: AbortSignal;
}

/**
 * `PUT /api/v1/products` until Quanta stores the descriptor or refuses it, waiting out
 * unreachability, 5xx and 429 with backoff (at least `Retry-After`), and 401/403 with the
 * longest backoff (a token can be fixed while the product runs). Never rejects.
 */
export async function registerUntilSettled(descriptor: DescriptorObject | string, deps: RegisterDeps): Promise<Registration> {
  const body = await descriptorBody(descriptor);
  if ('unreadable' in body) return { outcome: 'refused', detail: body.unreadable };
  for (let attempt = 1; ; attempt += 1) {
    if (deps.stopping.aborted) return { outcome: 'stopped' };
    const answer = await put(body, deps);
    if (answer.kind === 'refused') return { outcome: 'refused', status: answer.status, detail: answer.detail };
    if (answer.kind === 'ok') {
      const stored = registrationOf(answer.body);
      if (stored) return stored;
    }
    if (deps.stopping.aborted) return { outcome: 'stopped' };
    const reason = answer.kind === 'transient' ? answer.reason : `${answer.status} is not a registration answer`;
    const delayMs = transientDelay(attempt - 1, deps.retry, answer.kind === 'transient' ? answer : {});
    deps.log({ type: 'retrying', what: 'registration', attempt, delayMs, reason });
    await sleep(delayMs, deps.stopping);
  }
}

function put(body: DescriptorBody, deps: RegisterDeps): Promise<Answer> {
  return deps.send({ method: 'PUT', path: '/api/v1/products', ...body }, deps.abandon);
}

/**
 * Quanta's answer, `{ outcome, revision, product: { iri } }`; anything else (a proxy's page that
 * answered 200) is not a registration, and is retried.
 */
function registrationOf(body: unknown): Registration | undefined {
  const b = body as { outcome?: unknown; revision?: unknown; product?: { iri?: unknown } } | undefined;
  const outcome = b?.outcome;
  if ((outcome !== 'created' && outcome !== 'updated' && outcome !== 'unchanged') || typeof b?.product?.iri !== 'string') return undefined;
  return { outcome, iri: b.product.iri, revision: typeof b.revision === 'number' ? b.revision : 0 };
}

/** Waits `ms`, or less when `signal` aborts; the timer does not keep the process alive. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref();
    signal.addEventListener('abort', done, { once: true });
  });
}
