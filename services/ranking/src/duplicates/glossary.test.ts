import { describe, expect, it } from 'vitest';
import { glossaryFrom } from './glossary.js';
import { columnSignature } from './signature.js';

describe('glossaryFrom', () => {
  const glossary = glossaryFrom([
    { preferred: 'customer', alternatives: ['client', 'Buyers', 'customer'] },
    { preferred: 'created at', alternatives: ['inserted at', 'recorded_at'] },
    { preferred: 'price', alternatives: ['charge'] },
    { preferred: 'fee', alternatives: ['charge'] },
    { preferred: 'purchaser', alternatives: ['payer'] },
    { preferred: 'buyer', alternatives: ['purchaser'] },
  ]);

  it('maps each alternative, spelled as a column signature, to its preferred name', () => {
    expect(glossary.get('client')).toBe('customer');
    expect(glossary.get('buyer')).toBe('customer');
    expect(glossary.get('inserted_at')).toBe('created_at');
    expect(glossary.get('recorded_at')).toBe('created_at');
    expect(glossary.has('customer')).toBe(false);
  });

  it('leaves out a name two terms claim, and never chains one mapping into another', () => {
    expect(glossary.has('charge')).toBe(false);
    // payer → purchaser → buyer → customer would chain: every mapping whose target is mapped goes.
    expect(glossary.has('purchaser')).toBe(false);
    expect(glossary.has('payer')).toBe(false);
    expect(glossary.get('buyer')).toBe('customer');
  });

  it('makes column signatures agree: word by word, or the whole name', () => {
    expect(columnSignature('client_id', 'string', glossary).token).toBe('customer_id');
    expect(columnSignature('ClientIds', 'string', glossary).token).toBe('customer_id');
    expect(columnSignature('inserted_at', 'timestamp', glossary).token).toBe('created_at');
    expect(columnSignature('charge', 'double', glossary).token).toBe('charge');
  });
});
