import { Hono } from 'hono';
import { summarize } from '@quanta/model';
import type { AppDeps, AppEnv } from '../env.js';
import { acceptable, JSON_ONLY } from '../negotiate.js';
import { iriParam, queryOf } from '../query.js';

/** Concepts: "which products speak about this concept", following sameAs and exactMatch (DESIGN.md §8). */
export function conceptRoutes({ catalog }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(acceptable(JSON_ONLY));

  app.get('/:iri/products', async (c) => {
    queryOf(c, []);
    const { concept, equivalents, products, truncated } = await catalog.productsAbout(iriParam(c));
    return c.json({ concept, equivalents, total: products.length, truncated, items: products.map(summarize) });
  });

  return app;
}
