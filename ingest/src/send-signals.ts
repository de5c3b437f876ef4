import type { Client } from './client.js';
import type { DemoSignals } from './demo-signals.js';

/** How sending a signal history went. */
export interface SignalSummary {
  readonly usage: number;
  readonly ratings: number;
  readonly checks: number;
  readonly failed: readonly string[];
}

/** Reports per request: the API's limit. */
const CHUNK = 1000;

/**
 * Sends a signal history through the signals API: usage first, so every rating comes from a
 * consumer with recorded use, then ratings and SLO checks. A failed call is collected with its
 * reason and the rest still goes.
 */
export async function sendSignals(client: Client, signals: DemoSignals): Promise<SignalSummary> {
  const failed: string[] = [];
  const attempt = async <T>(what: string, call: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await call();
    } catch (err) {
      failed.push(`${what}: ${(err as Error).message}`);
      return undefined;
    }
  };
  let usage = 0;
  for (let from = 0; from < signals.usage.length; from += CHUNK) {
    usage += (await attempt(`usage reports ${from}–${from + CHUNK - 1}`, () => client.usage(signals.usage.slice(from, from + CHUNK))))?.stored ?? 0;
  }
  let ratings = 0;
  for (const { product, consumer, stars, comment } of signals.ratings) {
    if (await attempt(`rating of ${product} by ${consumer}`, () => client.rate(product, consumer, { stars, comment }))) ratings += 1;
  }
  let checks = 0;
  for (const { product, checks: results } of signals.checks) {
    for (let from = 0; from < results.length; from += CHUNK) {
      checks += (await attempt(`SLO checks of ${product}`, () => client.sloChecks(product, results.slice(from, from + CHUNK))))?.stored ?? 0;
    }
  }
  return { usage, ratings, checks, failed };
}
