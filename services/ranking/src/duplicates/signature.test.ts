import { describe, expect, it } from 'vitest';
import { columnKey, columnSignature, typeClass } from './signature.js';
import { singular, textTerms, words } from './tokens.js';

describe('words', () => {
  it('splits camelCase, PascalCase runs, snake_case, kebab-case, dots and spaces, lowercase', () => {
    expect(words('customerID')).toEqual(['customer', 'id']);
    expect(words('HTTPStatusCode')).toEqual(['http', 'status', 'code']);
    expect(words('customerIDs URLsList')).toEqual(['customer', 'ids', 'urls', 'list']);
    expect(words('order_total-amount.v2 net')).toEqual(['order', 'total', 'amount', 'v2', 'net']);
    expect(words('__x__')).toEqual(['x']);
  });

  it('singularises words of three letters or more, and leaves abbreviations and numbers alone', () => {
    expect(['orders', 'categories', 'ids', 'addresses', 'ts', '2024', 'status'].map(singular)).toEqual(['order', 'category', 'id', 'address', 'ts', '2024', 'status']);
  });

  it('takes the terms of free text without function words and single letters', () => {
    expect(textTerms('The Orders of a customer, per day')).toEqual(['order', 'customer', 'day']);
  });
});

describe('typeClass', () => {
  it.each([
    ['int', 'number'],
    ['LONG', 'number'],
    ['bigint', 'number'],
    ['decimal(12,2)', 'number'],
    ['double precision', 'number'],
    ['float64', 'number'],
    ['numeric', 'number'],
    ['timestamp', 'temporal'],
    ['timestamp-millis', 'temporal'],
    ['local-timestamp-micros', 'temporal'],
    ['timestamp with time zone', 'temporal'],
    ['TIMESTAMP_NTZ', 'temporal'],
    ['timestamptz', 'temporal'],
    ['date', 'temporal'],
    ['datetime2', 'temporal'],
    ['time', 'temporal'],
    ['bool', 'boolean'],
    ['boolean', 'boolean'],
    ['array<string>', 'complex'],
    ['map', 'complex'],
    ['record', 'complex'],
    ['struct<a:int>', 'complex'],
    ['object', 'complex'],
    ['json', 'complex'],
    ['string[]', 'complex'],
    ['varchar(255)', 'string'],
    ['uuid', 'string'],
    ['geography', 'string'],
  ] as const)('%s is %s', (type, cls) => {
    expect(typeClass(type)).toBe(cls);
  });
});

describe('columnSignature', () => {
  it('normalises case, separators, plurals and copy markers to one token', () => {
    for (const name of ['customer_ids', 'CustomerIDs', 'customer-id', 'customer.id', 'tmp_customer_id', 'customer_id_v2', 'tbl_customer_id_copy', 'customerId_OLD']) {
      expect(columnSignature(name, 'bigint'), name).toEqual({ token: 'customer_id', type: 'number' });
    }
  });

  it('keeps meaningful words such as raw, and keeps a name made only of stop-tokens', () => {
    expect(columnSignature('raw_payload', 'json').token).toBe('raw_payload');
    expect(columnSignature('new', 'boolean')).toEqual({ token: 'new', type: 'boolean' });
    expect(columnSignature('v2', 'string').token).toBe('v2');
  });

  it('maps words through the glossary after singularising them', () => {
    const glossary = new Map([
      ['cust', 'customer'],
      ['qty', 'quantity'],
    ]);
    expect(columnSignature('CustQtys', 'int', glossary).token).toBe('customer_quantity');
    expect(columnSignature('CustQtys', 'int').token).toBe('cust_qty');
  });

  it('keys a signature by type class and token', () => {
    expect(columnKey(columnSignature('createdAt', 'timestamp-millis'))).toBe('temporal:created_at');
  });
});
