import type { MiddlewareHandler } from 'hono';
import { type Identity, UnavailableError } from '@quanta/model';
import { HttpError } from './http-error.js';

/** How much one caller, and all callers together, may ask of this process (DESIGN.md §9.5). */
export interface LoadLimits {
  /** Requests per second each identity may sustain; 0 turns per-identity limits off. */
  readonly perIdentityPerSecond: number;
  /** Requests an identity may send at once after being idle. */
  readonly perIdentityBurst: number;
  /** Requests this process works on at once; beyond it, new ones are turned away with 503. */
  readonly maxInFlight: number;
}

/** Identities remembered at most: one entry each, the oldest forgotten first, so memory stays bounded. */
const MAX_IDENTITIES = 10_000;

/** The paths a probe or scraper calls, which overload must never turn away (a 503 there restarts pods). */
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Sheds load before any work is done: when `maxInFlight` requests are being served, the next is a
 * 503 with `Retry-After: 1`, answered without reading its body or its token. Accepted requests
 * keep their latency instead of every request slowing down until memory runs out.
 */
export function shedLoad(maxInFlight: number): MiddlewareHandler {
  let inFlight = 0;
  return async (c, next) => {
    if (PROBES.has(new URL(c.req.url).pathname)) return next();
    if (inFlight >= maxInFlight) throw new UnavailableError(`the server is at capacity (${maxInFlight} requests in progress); retry in a second`, 1);
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
    }
  };
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Per-identity rate limits, as token buckets: each identity refills at `perSecond` up to `burst`,
 * and a request finding its bucket empty is a 429 whose `Retry-After` says when one token is back.
 * Runs after authentication, so the key is who the caller is, not where it connects from; the
 * anonymous caller reaches only public routes, which are not limited, nor are probes with a token.
 */
export function limitRate(perSecond: number, burst: number, now: () => number = Date.now): MiddlewareHandler {
  const buckets = new Map<string, Bucket>();
  return async (c, next) => {
    const identity = c.get('identity') as Identity;
    if (perSecond <= 0 || identity.kind === 'anonymous' || PROBES.has(new URL(c.req.url).pathname)) return next();
    const t = now();
    const bucket = buckets.get(identity.subject) ?? { tokens: burst, at: t };
    bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * perSecond);
    bucket.at = t;
    // Re-inserted on every request, so the Map's first entry is always the longest idle one.
    buckets.delete(identity.subject);
    buckets.set(identity.subject, bucket);
    if (buckets.size > MAX_IDENTITIES) buckets.delete(buckets.keys().next().value as string);
    if (bucket.tokens < 1) {
      const seconds = Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
      throw new HttpError('rate-limited', `${identity.subject} sent more than ${perSecond} requests per second; retry after ${seconds} s`, { 'Retry-After': String(seconds) });
    }
    bucket.tokens -= 1;
    await next();
  };
}
