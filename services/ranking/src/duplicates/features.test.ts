import { describe, expect, it } from 'vitest';
import { concept, iri, testDescriptor } from '../testing/duplicates.js';
import { declaredSchemaHash, featuresOf, productRef, schemaHash } from './features.js';

describe('featuresOf', () => {
  const descriptor = {
    ...testDescriptor('orders', {
      fields: [
        ['order_id', 'bigint', concept('Order')],
        ['OrderIDs', 'long'],
        ['amount', 'double'],
      ],
      description: 'All orders.',
      concepts: [concept('Sales'), concept('Order')],
    }),
    title: 'Orders',
    outputPorts: [
      { name: 'main', kind: 'table' as const, description: 'The table.', fields: [{ name: 'order_id', type: 'bigint', concept: concept('Order') }, { name: 'amount', type: 'double', description: 'Gross, in EUR.' }] },
      { name: 'events', kind: 'stream' as const, fields: [{ name: 'orderId', type: 'int' }, { name: 'amount', type: 'string', concept: concept('Money') }] },
      { name: 'api', kind: 'api' as const },
    ],
  };
  const f = featuresOf(descriptor, ['dataset:pg:raw.orders', `product:${iri('customers')}`, 'dataset:pg:raw.orders']);

  it('takes every output port’s fields, each signature once (with its concept, if any port links one), sorted by type class and token', () => {
    expect(f.columns).toEqual([
      { token: 'amount', type: 'number' },
      { token: 'order_id', type: 'number', concept: concept('Order') },
      { token: 'amount', type: 'string', concept: concept('Money') },
    ]);
  });

  it('unites the product’s concepts with its fields’, and keeps the caller’s upstreams once each, sorted', () => {
    expect(f.concepts).toEqual([concept('Money'), concept('Order'), concept('Sales')]);
    expect(f.upstreams).toEqual(['dataset:pg:raw.orders', `product:${iri('customers')}`]);
  });

  it('gathers name, title, description and port and field descriptions as text', () => {
    expect(f.text).toBe('orders\nOrders\nAll orders.\nThe table.\nGross, in EUR.');
    expect(f).toMatchObject({ id: iri('orders'), name: 'orders' });
    expect(f.createdAt).toBeUndefined();
  });

  it('names a product in upstream lists as product:<iri>', () => {
    expect(productRef(iri('orders'))).toBe('product:https://example.com/products/orders');
  });
});

describe('schemaHash', () => {
  const cols = (...c: [string, 'number' | 'string'][]) => ({ columns: c.map(([token, type]) => ({ token, type })) });

  it('does not depend on column order or repeats, and changes with a name or a type class', () => {
    const h = schemaHash(cols(['order_id', 'number'], ['amount', 'number']));
    // A 64-bit digest in base 36: fourteen characters whatever the schema's size.
    expect(h).toMatch(/^[0-9a-z]{14}$/);
    expect(schemaHash(cols(['amount', 'number'], ['order_id', 'number'], ['amount', 'number']))).toBe(h);
    expect(schemaHash(cols(['order_id', 'number'], ['amount', 'string']))).not.toBe(h);
    expect(schemaHash(cols(['order_id', 'number'], ['amounts', 'number']))).not.toBe(h);
  });

  it('hashes the declared schema whatever the glossary reads into it', () => {
    const d = testDescriptor('orders', { fields: [['amount', 'double'], ['order_id', 'bigint']] });
    const glossary = new Map([['amount', 'value']]);
    expect(schemaHash(featuresOf(d, [], glossary))).not.toBe(schemaHash(featuresOf(d, [])));
    expect(declaredSchemaHash(d)).toBe(schemaHash(featuresOf(d, [])));
  });
});
