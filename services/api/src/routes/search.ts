import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../env.js';
import { intParam, listParam, queryOf } from '../query.js';

const FILTERS = ['domain', 'owner', 'tag', 'status', 'portKind'] as const;

/** `GET /api/v1/search`: ranked hits with their explanation and facet counts. */
export function searchRoutes({ catalog }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const q = queryOf(c, ['q', 'limit', 'offset', ...FILTERS]);
    const filters = Object.fromEntries(FILTERS.flatMap((f) => (listParam(q, f) ? [[f, listParam(q, f)]] : [])));
    return c.json(
      await catalog.search({
        q: (q.get('q') ?? '').slice(0, 512),
        filters,
        limit: intParam(q, 'limit', 1, 100, 20),
        offset: intParam(q, 'offset', 0, 10_000, 0),
      }),
    );
  });
  return app;
}
