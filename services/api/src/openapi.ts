import { PROBLEMS } from './problems.js';
import { componentSchemas } from './openapi-schemas.js';

const json = (schema: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } });
const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});
const ok = (description: string, schema: string) => ({ description, content: json(schema) });
const q = (name: string, description: string, schema: object = { type: 'string' }) => ({ name, in: 'query', description, schema });
const iri = { name: 'iri', in: 'path', required: true, description: 'The product IRI, percent-encoded as one path segment', schema: { type: 'string' } };
const errors = {
  '400': problemResponse('Bad parameter'),
  '404': problemResponse('No such product'),
  '406': problemResponse('The Accept header rules out application/json'),
};
const descriptorBody = {
  required: true,
  content: {
    'application/json': { schema: { $ref: '#/components/schemas/Descriptor' } },
    'application/ld+json': { schema: { $ref: '#/components/schemas/Descriptor' } },
    'application/yaml': { schema: { $ref: '#/components/schemas/Descriptor' } },
  },
};
const lineageBody = { required: true, content: { 'application/json': { schema: { type: 'object', description: 'An OpenLineage event (https://openlineage.io/spec/2-0-2/OpenLineage.json)' } } } };
const bodyErrors = {
  '400': problemResponse('Malformed JSON or YAML'),
  '413': problemResponse('Body over the size limit'),
  '415': problemResponse('Unsupported content type'),
  '422': problemResponse('Descriptor breaks the schema (validation-failed; `errors` names each field), cannot be read as RDF, or breaks a global policy (policy-violation; `findings` lists them)'),
};

/** The OpenAPI 3.1 document of REST API v1, served at `/api/v1/openapi.json`. */
export function openApiDocument(version: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Quanta REST API',
      version,
      description: `The discovery plane of a data mesh. Errors are RFC 9457 problem documents; their types: ${Object.keys(PROBLEMS).join(', ')}.`,
    },
    paths: {
      '/api/v1/products': {
        put: { summary: 'Register or update a product (idempotent upsert keyed by id)', requestBody: descriptorBody, responses: { '200': ok('Updated or unchanged', 'Registration'), '201': ok('Created', 'Registration'), ...bodyErrors } },
        get: {
          summary: 'Browse products in IRI order',
          parameters: [q('domain', 'Only this domain'), q('owner', 'Only this owner team'), q('status', 'Only this status'), q('cursor', 'From a previous page'), q('limit', '1..500', { type: 'integer' })],
          responses: { '200': ok('A page', 'ProductPage'), '400': problemResponse('Bad parameter') },
        },
      },
      '/api/v1/products/validate': {
        post: {
          summary: 'Run every registration check and store nothing',
          requestBody: descriptorBody,
          responses: { '200': ok('Valid: the findings and the descriptor with defaults applied', 'Validation'), ...bodyErrors },
        },
      },
      '/ns/context.jsonld': { get: { summary: 'The default JSON-LD context of descriptors', security: [], responses: { '200': { description: 'application/ld+json' } } } },
      '/api/v1/products/{iri}': {
        get: {
          summary: 'The current revision of a product; as DCAT/DPROD RDF with Accept: application/ld+json or text/turtle',
          parameters: [iri],
          responses: {
            '200': {
              description: 'The product (JSON), or its RDF with its semantic model',
              content: { ...json('Product'), 'application/ld+json': { schema: { type: 'object' } }, 'text/turtle': { schema: { type: 'string' } } },
            },
            ...errors,
            '406': problemResponse('The Accept header rules out JSON, JSON-LD and Turtle'),
          },
        },
        delete: { summary: 'Retire a product (kept, status retired)', parameters: [iri], responses: { '200': ok('Retired', 'Registration'), ...errors } },
      },
      '/api/v1/products/{iri}/revisions': { get: { summary: 'Revision history', parameters: [iri], responses: { '200': ok('History', 'Revisions'), ...errors } } },
      '/api/v1/products/{iri}/revisions/{revision}': {
        get: { summary: 'One past revision', parameters: [iri, { name: 'revision', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }], responses: { '200': ok('The revision', 'Product'), ...errors } },
      },
      '/api/v1/concepts/{iri}/products': {
        get: {
          summary: 'Which products speak about a concept, following owl:sameAs and skos:exactMatch',
          parameters: [{ ...iri, description: 'The concept IRI, percent-encoded as one path segment' }],
          responses: { '200': ok('The concept, its equivalents and the products', 'ConceptProducts'), ...errors, '404': problemResponse('No product mentions this concept') },
        },
      },
      '/api/v1/products/{iri}/lineage': {
        get: {
          summary: 'Product-to-product lineage: declared input ports, input ports on another product’s dataset, and jobs reading one product’s dataset and writing another’s',
          parameters: [iri, q('direction', 'upstream, downstream or both (default)'), q('depth', 'Product hops, 1..10 (default 3)', { type: 'integer' })],
          responses: { '200': ok('Products reached and why each link exists; truncated past the node cap', 'ProductLineage'), ...errors },
        },
      },
      '/api/v1/lineage': {
        post: {
          summary: 'One OpenLineage event (RunEvent, DatasetEvent or JobEvent), Marquez-compatible; stored once per (runId, eventType, eventTime)',
          requestBody: lineageBody,
          responses: {
            '201': ok('Stored', 'LineageOutcome'),
            '200': ok('Already stored: nothing changed', 'LineageOutcome'),
            ...bodyErrors,
            '409': problemResponse('The same (runId, eventType, eventTime) with other content, or a run id under another job'),
            '422': problemResponse('The event breaks the OpenLineage schemas; `errors` names each failing path'),
          },
        },
        get: {
          summary: 'The lineage graph around a dataset or job, in Marquez’s shape',
          parameters: [q('nodeId', 'dataset:<namespace>:<name> or job:<namespace>:<name>'), q('depth', 'Hops, 1..10 (default 5)', { type: 'integer' })],
          responses: { '200': ok('Datasets and jobs with their edges; truncated past the node cap', 'LineageGraph'), '400': problemResponse('Bad nodeId or depth'), '404': problemResponse('No such dataset or job') },
        },
      },
      '/api/v1/lineage/batch': {
        post: {
          summary: 'Many OpenLineage events in one transaction; each bad one is reported by index and the rest stored',
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'array', items: { type: 'object' } } } } },
          responses: { '200': ok('OpenLineage’s batch report', 'LineageBatchReport'), ...bodyErrors },
        },
      },
      '/api/v1/lineage/runs/{runId}': {
        get: {
          summary: 'A run’s state (by eventTime, never arrival order) and its events, each flagged when it came after the run ended',
          parameters: [{ name: 'runId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { '200': ok('The run', 'Run'), '404': problemResponse('No such run') },
        },
      },
      '/api/v1/usage': {
        post: {
          summary: 'Usage reports, one or up to 1,000; each stored once (by id, else product, consumer, port and at)',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/UsageBody' } } } },
          responses: { '201': ok('Stored', 'SignalReport'), '200': ok('All stored before: nothing changed', 'SignalReport'), ...bodyErrors, '404': problemResponse('A product is not registered; nothing stored') },
        },
      },
      '/api/v1/products/{iri}/ratings/{consumer}': {
        put: {
          summary: 'A consumer’s current rating of a product (a team slug or a consuming product’s IRI); only consumers with recorded use count',
          parameters: [{ name: 'iri', in: 'path', required: true, schema: { type: 'string' } }, { name: 'consumer', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Rating' } } } },
          responses: { '201': ok('First rating of this consumer', 'SignalOutcome'), '200': ok('Rating updated, or the same as before', 'SignalOutcome'), ...bodyErrors, '404': problemResponse('No such product') },
        },
      },
      '/api/v1/products/{iri}/slo-checks': {
        post: {
          summary: 'SLO check results against the product’s declared SLOs, one or up to 1,000; each stored once',
          parameters: [{ name: 'iri', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/SloCheckBody' } } } },
          responses: { '201': ok('Stored', 'SignalReport'), '200': ok('All stored before: nothing changed', 'SignalReport'), ...bodyErrors, '404': problemResponse('No such product') },
        },
      },
      '/api/v1/products/{iri}/duplicates/{other}': {
        put: {
          summary: 'An owner’s verdict on a detected pair: “not-duplicate” (suppressed until either schema changes) or “duplicate” (withdrawn); audited with the caller and the reason',
          parameters: [iri, { name: 'other', in: 'path', required: true, description: 'The other product’s IRI, percent-encoded', schema: { type: 'string' } }],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/DuplicateVerdict' } } } },
          responses: { '200': ok('The pair’s band now', 'DuplicateVerdictResult'), ...bodyErrors, '404': problemResponse('No such live product') },
        },
      },
      '/api/v1/reports/mesh': {
        get: {
          summary: 'The mesh as a whole: interconnections week by week, product links between domains, products under the god-product guard, the balancing loop’s health',
          responses: { '200': ok('The report', 'MeshReport'), '400': problemResponse('Bad parameter') },
        },
      },
      '/api/v1/reports/duplicates': {
        get: {
          summary: 'Likely-duplicate groups with a member in scope: canonical and why, evidence, nudges, overrides; possible overlaps',
          parameters: [q('owner', 'Only groups with a product of this owner team'), q('domain', 'Only groups with a product of this domain')],
          responses: { '200': ok('The report', 'DuplicatesReport'), '400': problemResponse('Bad parameter') },
        },
      },
      '/api/v1/reports/usage': {
        get: {
          summary: 'For each live product in scope: consumers by domain, weekly trend, new and lost consumers, reads, satisfaction and SLO compliance over the window',
          parameters: [
            q('owner', 'Only products of this owner team'),
            q('domain', 'Only products of this domain'),
            q('window', 'The window ending now, in whole days: 1d..365d (default 28d); churn compares it with the window before', { type: 'string', pattern: '^\\d+d$', default: '28d' }),
          ],
          responses: { '200': ok('The report', 'UsageReport'), '400': problemResponse('Bad window, or an unknown parameter') },
        },
      },
      '/api/v1/search': {
        get: {
          summary: 'Ranked search with explanations and facets',
          parameters: [q('q', 'Words; typos tolerated, last word is a prefix'), ...['domain', 'owner', 'tag', 'status', 'portKind'].map((f) => q(f, `Filter (repeat or comma-separate for OR)`)), q('limit', '1..100', { type: 'integer' }), q('offset', '0..10000', { type: 'integer' })],
          responses: { '200': ok('Hits', 'SearchResponse'), '400': problemResponse('Bad parameter') },
        },
      },
      '/api/v1/admin/insights': {
        post: {
          summary: 'Run duplicate detection, retirement flags and nudges over the whole mesh now (they also run at start and every QUANTA_INSIGHTS_REFRESH_SECONDS)',
          responses: { '200': { description: 'Products, pairs, likely pairs, groups, flagged products and time taken' }, '503': problemResponse('Duplicate detection is not running in this process') },
        },
      },
      '/api/v1/admin/reindex': {
        post: {
          summary: 'Rebuild the search index from the knowledge graph',
          description: 'With `Accept: application/x-ndjson` the answer streams `{"progress":{"done","total"}}` lines, then `{"report":…}`, or a last `{"problem":…}` line when the rebuild fails.',
          responses: { '200': { description: 'Documents indexed, products that could not be projected, and time taken (JSON, or NDJSON progress then the report)' } },
        },
      },
      '/api/v1/admin/reconcile': {
        post: {
          summary: 'Compare the search index with the knowledge graph; put missing and stale products in the outbox and remove orphaned documents',
          parameters: [{ name: 'dryRun', in: 'query', required: false, schema: { type: 'string', enum: ['true', 'false'] }, description: 'true: report only, repair nothing' }],
          responses: { '200': { description: 'Products, documents, missing, stale, orphaned, pending, examples, repaired, millis' }, '400': problemResponse('Bad parameter') },
        },
      },
      '/api/v1/admin/tokens': {
        post: {
          summary: 'Create an API token (admins); the answer holds its secret, shown this once',
          security: [{ bearer: [] }],
          requestBody: { required: true, content: json('TokenInput') },
          responses: { '201': { description: '{ token, secret }' }, '401': problemResponse('No valid token'), '403': problemResponse('Not an admin'), '422': problemResponse('Invalid token request') },
        },
        get: {
          summary: 'Every API token, revoked ones too, without secrets (admins)',
          security: [{ bearer: [] }],
          responses: { '200': { description: '{ tokens: [...] }' }, '401': problemResponse('No valid token'), '403': problemResponse('Not an admin') },
        },
      },
      '/api/v1/admin/tokens/{id}': {
        delete: {
          summary: 'Revoke an API token (admins): it authenticates no one from now on',
          security: [{ bearer: [] }],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^tok_' } }],
          responses: { '200': { description: '{ id, outcome: revoked | already-revoked }' }, '401': problemResponse('No valid token'), '403': problemResponse('Not an admin'), '404': problemResponse('No such token') },
        },
      },
      '/api/v1/admin/backup': {
        post: {
          summary: 'Back up the embedded knowledge graph while serving (admins): a consistent copy under <data dir>/backups',
          responses: {
            '201': { description: '{ file, bytes, products, takenAt }' },
            '401': problemResponse('No valid token'),
            '403': problemResponse('Not an admin'),
            '501': problemResponse('The graph is Neo4j: use neo4j-admin database dump'),
          },
        },
      },
      '/api/v1/admin/rating-bursts': {
        get: {
          summary: 'Serial-voting bursts (more than 5 ratings from one consumer on one team\'s products within 10 minutes) and every rating review so far (admins)',
          responses: { '200': { description: '{ windowMinutes, threshold, bursts[], reviews[] }' }, '401': problemResponse('No valid token'), '403': problemResponse('Not an admin') },
        },
      },
      '/api/v1/admin/rating-reviews': {
        post: {
          summary: 'Void a consumer\'s ratings of one team\'s products (they stop counting in ranking, and stay stored), or restore them; audited (admins)',
          requestBody: { required: true, content: json('RatingReview') },
          responses: {
            '201': { description: 'The review as recorded: kind, consumer, owner, products, reason, actor, at' },
            '401': problemResponse('No valid token'),
            '403': problemResponse('Not an admin'),
            '404': problemResponse('Nothing to void or restore'),
            '422': problemResponse('Invalid review'),
          },
        },
      },
      '/api/v1/me': {
        get: {
          summary: 'Who the token stands for: subject, admin, the teams it owns products for, the consumer its signals are recorded as',
          responses: { '200': { description: '{ subject, kind, admin, teams, consumer? }' }, '401': problemResponse('No valid token') },
        },
      },
      '/api/v1/problems/{kind}': { get: { summary: 'Documentation of a problem type', security: [], parameters: [{ name: 'kind', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'The problem kind' }, '404': problemResponse('Unknown kind') } } },
      '/healthz': { get: { summary: 'Liveness', security: [], responses: { '200': { description: 'Alive' } } } },
      '/readyz': {
        get: {
          summary: 'Readiness: the knowledge graph reachable; the search engine and its lag reported',
          security: [],
          responses: { '200': { description: '`ready`, or `degraded` while the search engine is unreachable or behind on failed writes; `search` gives pending products and lag in seconds' }, '503': problemResponse('The knowledge graph is unreachable') },
        },
      },
      '/metrics': { get: { summary: 'Prometheus metrics', security: [], responses: { '200': { description: 'Text exposition format' } } } },
    },
    // Every operation needs a token unless it says `security: []` (ADR 0017: the public routes).
    security: [{ bearer: [] }],
    components: { schemas: componentSchemas(), securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A Quanta API token (`quanta token create`), ADR 0016' } } },
  };
}
