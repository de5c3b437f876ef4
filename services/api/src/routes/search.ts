import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../env.js';
import { InvalidParameterError, PortKindSchema, ProductStatusSchema } from '@quanta/model';
import { intParam, listParam, queryOf } from '../query.js';

const FILTERS = ['domain', 'owner', 'tag', 'status', 'portKind'] as const;
/** Facets whose values are a closed set: a misspelt value is an error, not an empty result. */
const CLOSED: Partial<Record<(typeof FILTERS)[number], readonly string[]>> = {
  status: ProductStatusSchema.options,
  portKind: PortKindSchema.options,
};

function checkClosed(name: (typeof FILTERS)[number], values: string[] | undefined): void {
  const allowed = CLOSED[name];
  const bad = values?.filter((v) => allowed && !allowed.includes(v)) ?? [];
  if (bad.length > 0) {
    throw new InvalidParameterError(`${name} must be among ${allowed?.join(', ')}; got ${bad.join(', ')}`, [
      { pointer: `/query/${name}`, message: `unknown value ${bad.join(', ')}` },
    ]);
  }
}

/** `GET /api/v1/search`: ranked hits with their explanation and facet counts. */
export function searchRoutes({ catalog }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const q = queryOf(c, ['q', 'limit', 'offset', ...FILTERS]);
    const filters = Object.fromEntries(
      FILTERS.flatMap((f) => {
        const values = listParam(q, f);
        checkClosed(f, values);
        return values ? [[f, values]] : [];
      }),
    );
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
