import { Hono } from 'hono';
import { DuplicateVerdictInputSchema, parseOrThrow } from '@quanta/model';
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
    return c.json(await catalog.duplicatesReport({ ...(q.get('owner') && { owner: q.get('owner') as string }), ...(q.get('domain') && { domain: q.get('domain') as string }) }));
  });
  return app;
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
