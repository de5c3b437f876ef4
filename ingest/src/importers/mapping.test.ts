import { describe, expect, it } from 'vitest';
import { contactIri, iriOf, portKindOf, portNames, qualitySlo, slugify, statusOf } from './mapping.js';
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
    expect(qualitySlo({ type: 'sql', query: 'select count(*) from t', mustBeBetween: [0, 10], dimension: 'accuracy' }, 't.x')).toEqual({
      metric: 'accuracy',
      objective: 'accuracy between 0 and 10',
      description: 'on t.x; type sql; select count(*) from t',
    });
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
