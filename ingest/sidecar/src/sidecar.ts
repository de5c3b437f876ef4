import { createSender } from './http.js';
import { describeError, guarded, stderrLog } from './log.js';
import { type FlushResult, SignalOutbox } from './outbox.js';
import { registerUntilSettled } from './registration.js';
import { checkedSettings, invalidServer } from './settings.js';
import type { Registration, Sidecar, SidecarEvent, SidecarOptions, SloCheck } from './types.js';
import { invalidUse } from './usage.js';

/**
 * Registers a data product's descriptor with Quanta and reports its usage and SLO checks, for as
 * long as the product runs. Call it once at start-up; it returns at once and works in the
 * background. While Quanta is unreachable it retries with backoff, and it buffers signals
 * (bounded) until the product is registered. Its timers never keep the process alive, and nothing
 * it does in the background throws or rejects.
 *
 * @example
 * const sidecar = startSidecar({ server: 'http://127.0.0.1:4000', descriptor: 'descriptor.yaml' });
 * sidecar.recordUse('analytics', { port: 'readings' });
 * await sidecar.stop();
 * @throws RangeError when an interval, limit or the retry policy is not a positive number, or
 *   maxBuffered is beyond 1,000,000
 */
export function startSidecar(options: SidecarOptions): Sidecar {
  const settings = checkedSettings(options);
  const log = guarded(options.log ?? stderrLog);
  // Every chain the sidecar starts in the background ends here: a bug is logged, never left to
  // reject unhandled, which would crash the product (Node's default) for the sidecar's sake.
  const failed = (where: Extract<SidecarEvent, { type: 'error' }>['where']) => (e: unknown) => log({ type: 'error', where, detail: describeError(e) });
  const stopping = new AbortController(); // stop() was called: start nothing new
  const abandon = new AbortController(); // stop() ran out of time: drop the calls in flight
  const serverError = invalidServer(options.server);
  const send = createSender(serverError ? 'http://invalid' : options.server, options.token, settings.requestTimeoutMs);
  const outbox = new SignalOutbox({ send, log, retry: settings.retry, capacity: settings.maxBuffered });
  const timers = new Set<NodeJS.Timeout>();
  let iri: string | undefined; // set once registered: nothing is sent before
  let refused = false;
  let flushing: Promise<void> | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let checking = false;

  const every = (ms: number, task: () => void) => {
    // Once refused or stopping, nothing would clear a new timer.
    if (!refused && !stopping.signal.aborted) timers.add(setInterval(task, ms).unref());
  };
  const later = (ms: number, task: () => void) => {
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      task();
    }, ms).unref();
  };
  const clearTimers = () => {
    for (const timer of timers) clearInterval(timer);
    timers.clear();
    clearTimeout(retryTimer);
  };

  const register = async (): Promise<Registration> => {
    const result: Registration = serverError
      ? { outcome: 'refused', detail: serverError }
      : await registerUntilSettled(options.descriptor, { send, log, retry: settings.retry, stopping: stopping.signal, abandon: abandon.signal });
    if (result.outcome === 'refused') {
      refused = true;
      clearTimers();
      const left = outbox.clear();
      const { outcome: _refused, ...why } = result;
      log({ type: 'refused', what: 'registration', ...why, dropped: left.usage + left['slo-checks'] });
    } else if (result.outcome !== 'stopped') {
      iri = result.iri;
      log({ type: 'registered', ...result });
      void flush();
    }
    return result;
  };

  const afterFlush = (result: FlushResult) => {
    if (stopping.signal.aborted) return;
    if (result.kind === 'retry') {
      later(result.delayMs, () => void flush());
    } else if (result.kind === 'unknown-product' && iri) {
      log({ type: 'unknown-product', iri, delayMs: result.delayMs });
      iri = undefined;
      later(result.delayMs, () => void register().catch(failed('registration')));
    }
  };

  /** One flush at a time; a tick during a backoff waits for the retry timer unless `force`d. Never rejects. */
  const flush = (force = false): Promise<void> => {
    outbox.reportDrops();
    if (!iri || refused || (retryTimer && !force)) return Promise.resolve();
    flushing ??= outbox
      .flush(iri, abandon.signal)
      .then(afterFlush)
      .catch(failed('flush'))
      .finally(() => (flushing = undefined));
    return flushing;
  };

  const runChecks = async (run: () => Promise<readonly SloCheck[]>) => {
    if (checking || refused || stopping.signal.aborted) return; // a slow check is not stacked up
    checking = true;
    try {
      const at = new Date().toISOString();
      const checks = await run(); // inside the try: a run that throws at once is caught too
      if (stopping.signal.aborted) return;
      outbox.addChecks(checks, at);
      void flush();
    } catch (e) {
      log({ type: 'check-failed', detail: describeError(e) });
    } finally {
      checking = false;
    }
  };

  const registered = register().catch((e: unknown): Registration => {
    failed('registration')(e);
    refused = true;
    clearTimers();
    return { outcome: 'refused', detail: `the sidecar failed to register: ${describeError(e)}` };
  });
  // An invalid server is refused synchronously, inside register() above: `every` starts nothing then.
  every(settings.usageEveryMs, () => void flush());
  const { sloChecks } = options;
  if (sloChecks) every(sloChecks.everyMs, () => void runChecks(sloChecks.run).catch(failed('slo-checks')));

  let stopped: Promise<void> | undefined;
  const stop = async () => {
    stopping.abort();
    clearTimers();
    const deadline = setTimeout(() => abandon.abort(), settings.stopTimeoutMs).unref();
    try {
      await registered; // an attempt in flight may still succeed, within the deadline
      await flushing;
      if (iri) await flush(true);
      const left = outbox.clear();
      for (const what of ['usage', 'slo-checks'] as const) {
        if (left[what] > 0) log({ type: 'dropped', what, count: left[what], reason: 'unsent-at-stop' });
      }
    } catch {
      // stop() never rejects: a product calls it on its way out, often without a catch.
    } finally {
      clearTimeout(deadline);
      abandon.abort();
    }
  };

  return {
    registered,
    recordUse(consumer, use = {}) {
      if (refused || stopping.signal.aborted) return false;
      // Called in the product's request handlers: a bug here must not fail the product's reads.
      try {
        const count = use.count ?? 1;
        const invalid = invalidUse(consumer, use.port, count);
        if (invalid) {
          log({ type: 'dropped', what: 'usage', count: 1, reason: 'invalid', detail: invalid });
          return false;
        }
        outbox.recordUse(consumer, use.port, count, new Date().toISOString());
        return true;
      } catch (e) {
        failed('record-use')(e);
        return false;
      }
    },
    stop: () => (stopped ??= stop()),
  };
}
