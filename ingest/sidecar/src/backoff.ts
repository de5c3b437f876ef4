import type { RetryPolicy } from './types.js';

/** 0.5 s, doubling up to a minute: a restart of Quanta is caught quickly, an outage is not hammered. */
export const DEFAULT_RETRY: RetryPolicy = { minMs: 500, maxMs: 60_000 };

/** Retry-After beyond an hour is read as an hour: a bad header must not silence the sidecar for days. */
const MAX_RETRY_AFTER_MS = 3_600_000;

/**
 * The wait before attempt `attempt + 1`: uniform between `minMs` and a ceiling that doubles with
 * each attempt, capped at `maxMs`. The jitter spreads the products of a mesh that all lost Quanta
 * at once, so they do not come back in lockstep when it returns.
 *
 * @example backoffDelay(0, { minMs: 500, maxMs: 60_000 }) // 500 … 1000
 * @example backoffDelay(3, { minMs: 500, maxMs: 60_000 }) // 500 … 8000
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const min = Math.max(0, policy.minMs);
  const ceiling = Math.min(Math.max(min, policy.maxMs), min * 2 ** Math.min(attempt + 1, 40));
  return Math.round(min + random() * (ceiling - min));
}

/**
 * The wait before the next attempt: the backoff, but never less than the server asked for in
 * `Retry-After` (DESIGN.md §9.5: overload is explicit, and clients honour it).
 */
export function retryDelay(attempt: number, policy: RetryPolicy, retryAfterMs?: number, random?: () => number): number {
  return Math.max(backoffDelay(attempt, policy, random), Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
}

/**
 * Reads a `Retry-After` header (RFC 9110 §10.2.3): delay-seconds or an HTTP date.
 * @returns milliseconds from `now`, or undefined when absent or unreadable
 */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Every HTTP-date form opens with the day's name; Date.parse alone would read "-1" as 2001.
  const date = /^[A-Za-z]{3}/.test(value) ? Date.parse(value) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The wait after a transient answer: the backoff for attempt `attempt`, or its long end
 * (`maxMs`) when the server refused the credentials (401, 403), which no quick retry cures;
 * never less than `Retry-After` either way.
 */
export function transientDelay(attempt: number, policy: RetryPolicy, answer: { readonly retryAfterMs?: number; readonly credentials?: true }, random?: () => number): number {
  const longest = { minMs: policy.maxMs, maxMs: policy.maxMs };
  return retryDelay(attempt, answer.credentials ? longest : policy, answer.retryAfterMs, random);
}
