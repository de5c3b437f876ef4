import { Hono } from 'hono';
import { ProductStatusSchema, type RdfFormat, declaresStatus, parseDescriptor, summarize } from '@quanta/model';
import type { AppDeps, AppEnv } from '../env.js';
import { acceptable, chosenType, JSON_ONLY } from '../negotiate.js';
import { readBody } from '../read-body.js';
import { choiceParam, decodeCursor, encodeCursor, intParam, iriParam, queryOf } from '../query.js';
import { productLineageView } from '../lineage-views.js';
import { productPath, productView } from '../views.js';

/** A product reads as JSON, or as its DCAT/DPROD RDF (DESIGN.md §5). */
const PRODUCT_TYPES = ['application/json', 'application/ld+json', 'text/turtle'] as const;

/** The discovery port: register, validate, read, browse, retire (DESIGN.md §5). */
export function productRoutes({ catalog, maxBodyBytes }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // Registered before the JSON-only middleware below: Hono runs handlers in registration order,
  // and this one answers without calling next(), so a product alone also speaks RDF.
  app.get('/:iri', acceptable(PRODUCT_TYPES), async (c) => {
    queryOf(c, []);
    const iri = iriParam(c);
    c.header('Vary', 'Accept');
    const type = chosenType(c);
    if (type === 'application/json') {
      const product = await catalog.get(iri);
      c.header('ETag', `"${product.hash}"`);
      return c.json(productView(product));
    }
    const rdf = await catalog.exportProduct(iri, type as RdfFormat);
    return c.body(rdf, 200, { 'Content-Type': type === 'text/turtle' ? 'text/turtle; charset=utf-8' : 'application/ld+json' });
  });

  app.use(acceptable(JSON_ONLY));

  app.put('/', async (c) => {
    const body = await readBody(c, maxBodyBytes);
    const { product, outcome, findings } = await catalog.register(parseDescriptor(body), c.get('identity'), {
      statusDeclared: declaresStatus(body),
    });
    c.header('Location', productPath(product.iri));
    c.header('ETag', `"${product.hash}"`);
    return c.json({ outcome, revision: product.revision, findings, product: productView(product) }, outcome === 'created' ? 201 : 200);
  });

  app.post('/validate', async (c) => {
    const descriptor = parseDescriptor(await readBody(c, maxBodyBytes));
    return c.json({ valid: true, ...(await catalog.validate(descriptor)), descriptor });
  });

  app.get('/', async (c) => {
    const q = queryOf(c, ['domain', 'owner', 'status', 'cursor', 'limit']);
    const limit = intParam(q, 'limit', 1, 500, 50);
    const filter = {
      domain: q.get('domain') || undefined,
      owner: q.get('owner') || undefined,
      status: choiceParam(q, 'status', ProductStatusSchema.options),
    };
    const page = await catalog.list(filter, { after: decodeCursor(q.get('cursor')), limit });
    return c.json({
      total: page.total,
      limit,
      items: page.items.map(summarize),
      ...(page.next ? { next: encodeCursor(page.next) } : {}),
    });
  });

  app.get('/:iri/lineage', async (c) => {
    const q = queryOf(c, ['direction', 'depth']);
    const direction = choiceParam(q, 'direction', ['upstream', 'downstream', 'both'] as const) ?? 'both';
    const depth = intParam(q, 'depth', 1, 10, 3);
    return c.json(productLineageView(await catalog.productLineage(iriParam(c), direction, depth), direction, depth));
  });

  app.get('/:iri/revisions', async (c) => {
    queryOf(c, []);
    const iri = iriParam(c);
    return c.json({ iri, revisions: await catalog.revisions(iri) });
  });

  app.get('/:iri/revisions/:revision', async (c) => {
    queryOf(c, []);
    const params = new URLSearchParams({ revision: c.req.param('revision') });
    const revision = intParam(params, 'revision', 1, Number.MAX_SAFE_INTEGER, 0);
    return c.json(productView(await catalog.getRevision(iriParam(c), revision)));
  });

  app.delete('/:iri', async (c) => {
    queryOf(c, []);
    const { product, outcome, findings } = await catalog.retire(iriParam(c), c.get('identity'));
    return c.json({ outcome, revision: product.revision, findings, product: productView(product) });
  });

  return app;
}
