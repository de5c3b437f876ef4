import { Hono } from 'hono';
import { DuplicateVerdictInputSchema, InvalidParameterError, parseOrThrow, USAGE_WINDOW_DAYS } from '@quanta/model';
import type { AppDeps, AppEnv } from '../env.js';
import { acceptable, JSON_ONLY } from '../negotiate.js';
import { iriParam, queryOf } from '../query.js';
import { readBody } from '../read-body.js';

/** `GET /api/v1/reports/…`: what owners and governance read (DESIGN.md §5, issue 7). */
export function reportRoutes({ catalog }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(acceptable(JSON_ONLY));
  app.get('/duplicates', async (c) => {
    const q = queryOf(c, ['owner', 'domain']);
    return c.json(await catalog.duplicatesReport(scopeOf(q)));
  });
  app.get('/mesh', async (c) => {
    queryOf(c, []);
    return c.json(await catalog.meshReport());
  });
  app.get('/usage', async (c) => {
    const q = queryOf(c, ['owner', 'domain', 'window']);
    return c.json(await catalog.usageReport({ ...scopeOf(q), windowDays: windowDays(q.get('window')) }, c.get('identity')));
  });
  return app;
}

/** The owner and domain filters of a report; empty values filter nothing. */
function scopeOf(q: URLSearchParams): { owner?: string; domain?: string } {
  const owner = q.get('owner');
  const domain = q.get('domain');
  return { ...(owner && { owner }), ...(domain && { domain }) };
}

/**
 * A report window such as `28d`: whole days, 1 to 365, four weeks when absent.
 * @throws InvalidParameterError naming /query/window for anything else
 */
function windowDays(raw: string | null): number {
  if (raw === null || raw === '') return USAGE_WINDOW_DAYS.default;
  const days = /^\d+d$/.test(raw) ? Number.parseInt(raw, 10) : Number.NaN;
  if (days >= USAGE_WINDOW_DAYS.min && days <= USAGE_WINDOW_DAYS.max) return days;
  const expected = `days as <n>d, from ${USAGE_WINDOW_DAYS.min}d to ${USAGE_WINDOW_DAYS.max}d`;
  throw new InvalidParameterError(`window must be ${expected} (e.g. 28d), got "${raw}"`, [{ pointer: '/query/window', message: `must be ${expected}` }]);
}

/** `PUT /api/v1/products/{iri}/duplicates/{other}`: an owner's verdict on a detected pair, audited. */
export function productInsightRoutes({ catalog, maxBodyBytes }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.put('/:iri/duplicates/:other', acceptable(JSON_ONLY), async (c) => {
    queryOf(c, []);
    const iri = iriParam(c);
    const other = iriParam(c, 'other');
    const input = parseOrThrow(DuplicateVerdictInputSchema, await readBody(c, maxBodyBytes, 'a verdict'), 'verdict');
    return c.json(await catalog.decideDuplicate(iri, other, input, c.get('identity')));
  });
  return app;
}
