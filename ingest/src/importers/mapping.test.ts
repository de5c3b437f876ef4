import { describe, expect, it } from 'vitest';
import { contactIri, iriOf, portKindOf, portNames, serviceLevelSlo, slugify, statusOf, uniqueMetrics, type SloDraft } from './mapping.js';
import { qualityRule } from './quality-rules.js';
import { SourceReader } from './source-reader.js';

describe('mapping helpers', () => {
  it('slugs names, tags and teams as the descriptor wants them', () => {
    expect(slugify('Customer Data Product')).toBe('customer-data-product');
    expect(slugify('  Müllabfuhr / Straße 2 ')).toBe('mullabfuhr-stra-e-2');
    expect(slugify('***')).toBeUndefined();
  });

  it('keeps IRIs, wraps UUIDs, and mints the rest', () => {
    expect(iriOf('FBE8D147-28DB-4F1D-BEDF-A3FE9F458427', 'odps', {})).toBe('urn:uuid:fbe8d147-28db-4f1d-bedf-a3fe9f458427');
    expect(iriOf('urn:dpds:it.quantyca:dataproducts:tripExecution:1', 'dpds', {})).toBe('urn:dpds:it.quantyca:dataproducts:tripExecution:1');
    expect(iriOf('orders latest', 'dcs', {})).toBe('urn:dcs:orders%20latest');
    expect(iriOf('orders-latest', 'dcs', { baseIri: 'https://x.example/p' }, { domain: 'sales', name: 'orders' })).toBe('https://x.example/p/sales/orders');
  });

  it('turns addresses and URLs into contact IRIs, and drops the rest', () => {
    expect(contactIri('data@x.example')).toBe('mailto:data@x.example');
    expect(contactIri('https://x.example/team')).toBe('https://x.example/team');
    expect(contactIri('#data-team on Slack')).toBeUndefined();
  });

  it('maps statuses onto the four the catalog knows, saying so when it changed one', () => {
    expect(statusOf('active')).toEqual({ status: 'active' });
    expect(statusOf('in development')).toMatchObject({ status: 'draft', note: expect.stringContaining('in development') });
    expect(statusOf('proposed').status).toBe('draft');
    expect(statusOf('production').status).toBe('active');
  });

  it('reads port kinds from server and port types', () => {
    expect(['kafka', 'postgres', 's3', 'api', 'graphql', 'tables', 'snowflake', 'azure', 'Kafka topic', 'REST API'].map(portKindOf)).toEqual(['stream', 'table', 'file', 'api', 'graphql', 'table', 'table', 'file', 'stream', 'api']);
  });

  it('names ports uniquely, by version only where a name repeats', () => {
    expect(portNames([{ name: 'Raw', version: '1.0.0' }, { name: 'Raw', version: 'v2.0.0' }, { name: 'Other', version: '1.0.0' }])).toEqual(['raw-v1.0.0', 'raw-v2.0.0', 'other']);
  });

  it('writes a quality rule as an objective a person can read', () => {
    expect(qualityRule({ type: 'sql', query: 'select count(*) from t', mustBeBetween: [0, 10], dimension: 'accuracy' }, '/q', 't.x').value.slo).toEqual({
      metric: 'accuracy',
      objective: 'accuracy between 0 and 10',
      description: 'on t.x; type sql; select count(*) from t',
    });
  });
});

describe('SLO metrics, unique on a port', () => {
  const draft = (metric: string, commitment: 'slo' | 'sla', qualifiers: string[] = []): SloDraft => ({ slo: { metric, objective: '1' }, commitment, qualifiers });

  it('keeps metrics that are already unique, with no note', () => {
    expect(uniqueMetrics('p', [draft('a', 'slo'), draft('b', 'sla')])).toEqual({ slos: [{ metric: 'a', objective: '1' }, { metric: 'b', objective: '1' }] });
  });

  it('names an SLA of a metric the port also promises as an SLO <metric>-sla', () => {
    const { slos, note } = uniqueMetrics('trips', [draft('availability', 'slo'), draft('availability', 'sla')]);
    expect(slos.map((s) => s.metric)).toEqual(['availability', 'availability-sla']);
    expect(note).toBe('port trips: SLO metrics renamed to be unique on the port, as a check names its SLO by port and metric: availability → availability-sla');
  });

  it('otherwise tells repeats apart by the first qualifier the earlier ones do not share, then by number', () => {
    const drafts = [
      draft('timeOfAvailability', 'sla', ['regulatory', 'tab1.txn_ref_dt']),
      draft('timeOfAvailability', 'sla', ['analytics', 'tab1.txn_ref_dt']),
      draft('completeness', 'slo', ['tbl']),
      draft('completeness', 'slo', ['tbl.rcvr_cntry_code', 'nullValues']),
      draft('sql', 'slo', ['orders']),
      draft('sql', 'slo', ['orders']),
      draft('sql', 'slo', []),
      draft('sql-2', 'slo'),
    ];
    expect(uniqueMetrics('p', drafts).slos.map((s) => s.metric)).toEqual([
      'timeOfAvailability',
      'timeOfAvailability-analytics',
      'completeness',
      'completeness-tbl-rcvr-cntry-code',
      'sql',
      'sql-2',
      'sql-3',
      'sql-2-2',
    ]);
  });

  it('keeps a renamed metric within the descriptor\'s 100 characters', () => {
    const long = 'm'.repeat(100);
    const { slos } = uniqueMetrics('p', [draft(long, 'slo'), draft(long, 'sla')]);
    expect(slos[1]?.metric).toBe(`${'m'.repeat(96)}-sla`);
  });

  it('drafts a service level with its driver and element as qualifiers, an over-long objective given whole in the description', () => {
    const value = 'x'.repeat(250);
    const { slo, commitment, qualifiers } = serviceLevelSlo('latency', value, { commitment: 'sla', element: 't.c', driver: 'regulatory' });
    expect(commitment).toBe('sla');
    expect(qualifiers).toEqual(['regulatory', 't.c']);
    expect(slo.objective).toHaveLength(200);
    expect(slo.description).toBe(`SLA; on t.c; driver: regulatory; objective ${value}`);
  });
});

describe('quality rules as SLOs', () => {
  it('carries every threshold, with the unit, and marks exactly what it carried', () => {
    const rule = { metric: 'rowCount', mustBeGreaterThan: 10, mustBeLessThan: 100, unit: 'rows', dimension: 'completeness', customProperties: [] };
    const carried = qualityRule(rule, '/q', 't');
    expect(carried.value.slo).toEqual({ metric: 'completeness', objective: 'rowCount > 10 and < 100 rows', description: 'on t' });
    expect([...carried.uses].sort()).toEqual(['/q/dimension', '/q/metric', '/q/mustBeGreaterThan', '/q/mustBeLessThan', '/q/unit']);
  });

  it('keeps the rule\'s own metric and unit when the dimension is the metric and there is no threshold', () => {
    const carried = qualityRule({ dimension: 'completeness', metric: 'nullValues', unit: 'percent', description: 'no nulls' }, '/q', undefined);
    expect(carried.value.slo).toEqual({ metric: 'completeness', objective: 'no nulls', description: 'metric nullValues; unit percent' });
    expect(carried.uses).toHaveLength(4);
    expect(carried.value.qualifiers).toEqual(['nullValues']);
  });

  it('leaves, with a reason, what the description\'s 2000 characters cannot hold', () => {
    const carried = qualityRule({ type: 'sql', query: 'q'.repeat(1980), mustBe: 0, severity: 'error' }, '/q', 'orders');
    expect(carried.value.slo.description).toBe(`on orders; ${'q'.repeat(1980)}`);
    expect(carried.left).toEqual([{ pointer: '/q/severity', reason: "the SLO's description holds 2000 characters, and this does not fit" }]);
    expect(carried.uses).not.toContain('/q/severity');
  });
});

describe('SourceReader', () => {
  it('reports the highest parts nobody used, with their reasons, and nothing under a used part', () => {
    const source = new SourceReader({ a: { b: 1, c: { d: 2 } }, e: [{ f: 1 }, { g: 2 }], h: 3, 'x/y': 4 });
    source.use('/a/b');
    source.use('/e/0');
    source.skip('/h', 'not kept');
    expect(source.unmapped('no place')).toEqual([
      { pointer: '/a/c', reason: 'no place' },
      { pointer: '/e/1', reason: 'no place' },
      { pointer: '/h', reason: 'not kept' },
      { pointer: '/x~1y', reason: 'no place' },
    ]);
  });
});
