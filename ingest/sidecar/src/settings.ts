import { DEFAULT_RETRY } from './backoff.js';
import type { RetryPolicy, SidecarOptions } from './types.js';

const DEFAULTS = { usageEveryMs: 10_000, maxBuffered: 10_000, requestTimeoutMs: 10_000, stopTimeoutMs: 5_000 } as const;

/**
 * The most `maxBuffered` may be. A usage report may carry a 2,000-character consumer, so a
 * million of each kind is already gigabytes in the worst case; beyond that a typo (an extra
 * zero or three) would let an outage take the product's memory.
 */
export const MAX_BUFFERED = 1_000_000;

/** The options with their defaults. */
export interface Settings {
  readonly usageEveryMs: number;
  readonly maxBuffered: number;
  readonly requestTimeoutMs: number;
  readonly stopTimeoutMs: number;
  readonly retry: RetryPolicy;
}

/**
 * The settings with their defaults, checked: a zero interval would spin, an unbounded buffer
 * would grow with an outage.
 * @throws RangeError naming the first setting out of range
 */
export function checkedSettings(options: SidecarOptions): Settings {
  const settings = {
    usageEveryMs: options.usageEveryMs ?? DEFAULTS.usageEveryMs,
    maxBuffered: options.maxBuffered ?? DEFAULTS.maxBuffered,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs,
    stopTimeoutMs: options.stopTimeoutMs ?? DEFAULTS.stopTimeoutMs,
    retry: options.retry ?? DEFAULT_RETRY,
  };
  const numbers = { ...settings, 'retry.minMs': settings.retry.minMs, 'retry.maxMs': settings.retry.maxMs, 'sloChecks.everyMs': options.sloChecks?.everyMs ?? 1 };
  for (const [name, value] of Object.entries(numbers)) {
    if (typeof value === 'number' && !(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be a positive number, not ${value}`);
  }
  if (!Number.isInteger(settings.maxBuffered) || settings.maxBuffered > MAX_BUFFERED) {
    throw new RangeError(`maxBuffered must be an integer from 1 to ${MAX_BUFFERED.toLocaleString('en')}, not ${settings.maxBuffered}`);
  }
  return settings;
}

/** Why `server` is not a base URL to call, or undefined. A typo in a URL is refused, not thrown. */
export function invalidServer(server: string): string | undefined {
  try {
    const url = new URL(server);
    return url.protocol === 'http:' || url.protocol === 'https:' ? undefined : `server ${server} is not an http(s) URL`;
  } catch {
    return `server ${JSON.stringify(server)} is not a URL`;
  }
}
