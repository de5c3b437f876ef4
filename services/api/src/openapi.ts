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
      '/ns/context.jsonld': { get: { summary: 'The default JSON-LD context of descriptors', responses: { '200': { description: 'application/ld+json' } } } },
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
      '/api/v1/search': {
        get: {
          summary: 'Ranked search with explanations and facets',
          parameters: [q('q', 'Words; typos tolerated, last word is a prefix'), ...['domain', 'owner', 'tag', 'status', 'portKind'].map((f) => q(f, `Filter (repeat or comma-separate for OR)`)), q('limit', '1..100', { type: 'integer' }), q('offset', '0..10000', { type: 'integer' })],
          responses: { '200': ok('Hits', 'SearchResponse'), '400': problemResponse('Bad parameter') },
        },
      },
      '/api/v1/admin/reindex': { post: { summary: 'Rebuild the search index from the knowledge graph', responses: { '200': { description: 'Documents indexed and time taken' } } } },
      '/api/v1/problems/{kind}': { get: { summary: 'Documentation of a problem type', parameters: [{ name: 'kind', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'The problem kind' }, '404': problemResponse('Unknown kind') } } },
      '/healthz': { get: { summary: 'Liveness', responses: { '200': { description: 'Alive' } } } },
      '/readyz': { get: { summary: 'Readiness: backends reachable', responses: { '200': { description: 'Ready' }, '503': problemResponse('A backend is unreachable') } } },
      '/metrics': { get: { summary: 'Prometheus metrics', responses: { '200': { description: 'Text exposition format' } } } },
    },
    components: { schemas: componentSchemas() },
  };
}
