/** The body of `GET /api/v1/reports/usage` (UsageReport in @quanta/model). */
export function usageReportSchema(): Record<string, unknown> {
  const str = { type: 'string' };
  const time = { type: 'string', format: 'date-time' };
  const int = { type: 'integer', minimum: 0 };
  const factor = { type: 'object', description: 'The ranking factor search uses, when feedback runs', properties: { name: str, value: { type: 'number' }, reason: str } };
  const obj = (required: readonly string[], properties: Record<string, unknown>, description?: string) => ({ type: 'object', required, properties, ...(description && { description }) });
  const byDomain = { type: 'array', description: 'Most consumers first, then by domain name', items: obj(['domain', 'consumers'], { domain: str, consumers: int }) };
  const consumers = obj(['total', 'byDomain', 'new', 'lost'], {
    total: { ...int, description: 'Distinct consumers (teams and products) with a use in the window; the owner team never counts' },
    byDomain,
    new: { type: 'array', items: str, description: 'Consumers whose first recorded use is in the window' },
    lost: { type: 'array', items: str, description: 'Consumers of the previous window with no use in this one' },
  });
  const guarantee = obj(['name', 'target', 'checks', 'passed', 'trend'], {
    name: { ...str, description: '<port>/<metric>' },
    target: { type: 'number', description: 'Declared, else 0.95' },
    checks: int,
    passed: int,
    compliance: { type: 'number', minimum: 0, maximum: 1, description: 'passed / checks; absent without checks' },
    met: { type: 'boolean', description: 'compliance ≥ target; absent without checks' },
    trend: {
      type: 'array',
      description: 'The same per 7-day bucket of the usage trend, oldest first',
      items: obj(['from', 'to', 'checks', 'passed'], { from: time, to: time, checks: int, passed: int, compliance: { type: 'number', minimum: 0, maximum: 1, description: 'absent without checks' } }),
    },
  });
  const product = obj(['product', 'consumers', 'reads', 'trend', 'satisfaction', 'slo'], {
    product: obj(['iri', 'name', 'domain', 'owner'], { iri: str, name: str, domain: str, owner: str }),
    consumers,
    reads: { ...int, description: 'Reads reported in the window' },
    trend: { type: 'array', description: 'One bucket per 7 days, oldest first, the last ending now', items: obj(['from', 'to', 'consumers', 'reads', 'byDomain'], { from: time, to: time, consumers: int, reads: int, byDomain }) },
    satisfaction: obj(['ratings'], { ratings: int, meanStars: { type: 'number', minimum: 1, maximum: 5 }, factor }),
    slo: obj(['guarantees'], { guarantees: { type: 'array', items: guarantee }, factor }),
  });
  return obj(['generatedAt', 'window', 'filter', 'products'], {
    generatedAt: time,
    window: obj(['days', 'from', 'to'], { days: { type: 'integer', minimum: 1, maximum: 365 }, from: time, to: time }),
    filter: obj([], { owner: str, domain: str }),
    products: { type: 'array', items: product },
  });
}
