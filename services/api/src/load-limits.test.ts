import { Hono } from 'hono';
import { ANONYMOUS, type Identity } from '@quanta/model';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from './env.js';
import { toProblemResponse } from './error-handler.js';
import { limitRate, shedLoad } from './load-limits.js';

const caller = (subject: string): Identity => ({ subject, kind: 'service', admin: false, teams: [] });

/** A tiny app: the identity from `X-Who`, the middleware under test, and one route. */
function appWith(middleware: ReturnType<typeof limitRate>, handler: () => Promise<Response> | Response = () => new Response('ok')) {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    const who = c.req.header('x-who');
    c.set('identity', who ? caller(who) : ANONYMOUS);
    await next();
  });
  app.use('*', middleware);
  app.all('*', handler);
  app.onError((err, c) => toProblemResponse(err, c, pino({ level: 'silent' })));
  return app;
}

describe('per-identity rate limits', () => {
  it('lets a burst through, then answers 429 with Retry-After, and refills at the rate', async () => {
    let now = 0;
    const app = appWith(limitRate(2, 4, () => now));
    const send = (who: string) => app.request('/api/v1/search', { headers: { 'x-who': who } });
    for (let i = 0; i < 4; i++) expect((await send('a')).status).toBe(200);
    const limited = await send('a');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('content-type')).toBe('application/problem+json');
    expect(((await limited.json()) as { type: string }).type).toBe('/api/v1/problems/rate-limited');
    // Another identity has its own bucket.
    expect((await send('b')).status).toBe(200);
    now = 500; // half a second: one token back at 2 per second
    expect((await send('a')).status).toBe(200);
    expect((await send('a')).status).toBe(429);
  });

  it('leaves anonymous callers (public routes only), probes and a rate of 0 alone', async () => {
    const app = appWith(limitRate(1, 1, () => 0));
    for (let i = 0; i < 5; i++) expect((await app.request('/healthz')).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await app.request('/readyz', { headers: { 'x-who': 'a' } })).status).toBe(200);
    const off = appWith(limitRate(0, 1, () => 0));
    for (let i = 0; i < 5; i++) expect((await off.request('/x', { headers: { 'x-who': 'a' } })).status).toBe(200);
  });
});

describe('load shedding', () => {
  it('turns requests beyond the cap away with 503 and Retry-After, never the probes', async () => {
    const release: (() => void)[] = [];
    const app = appWith(shedLoad(2), () => new Promise<Response>((resolve) => release.push(() => resolve(new Response('ok')))));
    const held = [app.request('/api/v1/search', { headers: { 'x-who': 'a' } }), app.request('/api/v1/search', { headers: { 'x-who': 'b' } })];
    await new Promise((resolve) => setTimeout(resolve, 10));
    const shed = await app.request('/api/v1/search', { headers: { 'x-who': 'c' } });
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('1');
    const probe = app.request('/readyz');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(release).toHaveLength(3); // the probe got through to the handler
    release.splice(0).forEach((r) => r());
    expect((await Promise.all([...held, probe])).map((r) => r.status)).toEqual([200, 200, 200]);
    // Capacity is back once they finished.
    const again = app.request('/api/v1/search', { headers: { 'x-who': 'c' } });
    await new Promise((resolve) => setTimeout(resolve, 10));
    release.splice(0).forEach((r) => r());
    expect((await again).status).toBe(200);
  });
});
