const str = { type: 'string' };
const int = { type: 'integer' };
const num = { type: 'number' };
const ref = { type: 'object', properties: { iri: str, name: str, domain: str, owner: str } };
const week = (counts: readonly string[], extra: Record<string, unknown> = {}) => ({
  type: 'object',
  properties: { from: str, to: str, ...Object.fromEntries(counts.map((k) => [k, int])), ...extra },
});

/** `MeshReport` of @quanta/model as JSON Schema, for the OpenAPI document. */
export function meshReportSchema(): Record<string, unknown> {
  return {
    type: 'object',
    description: 'The mesh as a whole (GET /api/v1/reports/mesh): twelve weeks oldest first, the last ending now',
    properties: {
      generatedAt: str,
      size: { type: 'object', properties: { products: int, domains: int, teams: int, productLinks: int } },
      interconnections: {
        type: 'object',
        properties: {
          weeks: { type: 'array', items: week(['activeLinks', 'consumers', 'domainLinks'], { crossDomainShare: num }) },
          domainLinks: { type: 'array', items: { type: 'object', properties: { from: str, to: str, links: int } } },
        },
      },
      godProducts: {
        type: 'object',
        properties: {
          threshold: int,
          products: {
            type: 'array',
            items: {
              type: 'object',
              properties: { product: ref, dependents: int, downstreamProducts: int, consumers: int, sloFailureShare: num, guard: { enum: ['watch', 'guarded'] }, reason: str },
            },
          },
        },
      },
      loopHealth: {
        type: 'object',
        properties: { duplicateGroups: int, canonicalShare: num, flaggedNow: int, deprecatedNow: int, weeks: { type: 'array', items: week(['flagged', 'unflagged', 'retired']) } },
      },
    },
  };
}
