import { Hono } from 'hono';
import { datasetIri, InvalidParameterError, jobIri, ValidationError } from '@quanta/model';
import { InvalidNodeIdError, parseNodeId } from '@quanta/openlineage';
import type { AppDeps, AppEnv } from '../env.js';
import { marquezLineage } from '../lineage-views.js';
import { acceptable, JSON_ONLY } from '../negotiate.js';
import { intParam, queryOf } from '../query.js';
import { readBody } from '../read-body.js';

/** How many hops `GET /lineage` follows when not told: a useful picture without a wall of nodes. */
const DEFAULT_DEPTH = 5;

/**
 * The lineage port (DESIGN.md §7, ADR 0008): OpenLineage events in, Marquez-compatible, and the
 * lineage graph out in Marquez's shape.
 */
export function lineageRoutes({ catalog, maxBodyBytes }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(acceptable(JSON_ONLY));

  app.post('/', async (c) => {
    queryOf(c, []);
    const { outcome, afterTerminal, timeSkew } = await catalog.ingestLineage(await readBody(c, maxBodyBytes, 'an OpenLineage event'));
    // Marquez answers 201; a re-sent event changed nothing, so it is a plain 200.
    return c.json({ outcome, afterTerminal, ...(timeSkew && { timeSkew }) }, outcome === 'stored' ? 201 : 200);
  });

  app.post('/batch', async (c) => {
    queryOf(c, []);
    const body = await readBody(c, maxBodyBytes, 'an array of OpenLineage events');
    if (!Array.isArray(body)) {
      // Well-formed JSON of the wrong shape: a 422, as a JSON array sent to the single-event endpoint is.
      const message = 'must be a JSON array of OpenLineage events; send one event to /api/v1/lineage';
      throw new ValidationError(`Invalid lineage batch: ${message}`, [{ pointer: '', message }]);
    }
    const report = await catalog.ingestLineageBatch(body);
    // The shape of OpenLineage's batch response (spec/OpenLineage.yml), with Quanta's counts and issues added.
    return c.json({
      status: report.failed.length === 0 ? 'success' : 'partial_success',
      summary: {
        received: report.received,
        successful: report.stored + report.duplicates,
        failed: report.failed.length,
        retriable: 0,
        non_retriable: report.failed.length,
        stored: report.stored,
        duplicates: report.duplicates,
        after_terminal: report.afterTerminal,
      },
      failed_events: report.failed.map((f) => ({ index: f.index, reason: f.reason, retriable: false, type: f.kind, issues: f.issues })),
    });
  });

  app.get('/', async (c) => {
    const q = queryOf(c, ['nodeId', 'depth']);
    const depth = intParam(q, 'depth', 1, 10, DEFAULT_DEPTH);
    return c.json(marquezLineage(await catalog.lineageAround(startOf(q.get('nodeId')), depth)));
  });

  app.get('/runs/:runId', async (c) => {
    queryOf(c, []);
    return c.json(await catalog.getRun(c.req.param('runId')));
  });

  return app;
}

/**
 * The dataset or job a Marquez node id names.
 * @throws InvalidParameterError for a missing or malformed id, or one of another kind
 */
function startOf(nodeId: string | null): string {
  const bad = (message: string) => new InvalidParameterError(`nodeId ${message}`, [{ pointer: '/query/nodeId', message }]);
  if (!nodeId) throw bad('is required: dataset:<namespace>:<name> or job:<namespace>:<name>');
  let id;
  try {
    id = parseNodeId(nodeId);
  } catch (error) {
    if (error instanceof InvalidNodeIdError) throw bad(error.message);
    throw error;
  }
  if (id.kind === 'dataset') return datasetIri(id.namespace, id.name);
  if (id.kind === 'job') return jobIri(id.namespace, id.name);
  throw bad(`must name a dataset or a job, not a ${id.kind}`);
}
