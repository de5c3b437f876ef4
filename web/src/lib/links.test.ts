import { describe, expect, it } from 'vitest';
import { fromSegment, productHref, productJsonLdHref } from './links';

describe('IRIs in paths', () => {
  const iri = 'https://daff.example/products/listener/listening-sessions';

  it('puts an IRI in one percent-encoded segment, and reads it back from the segment Next.js hands over', () => {
    const href = productHref(iri);
    expect(href).toBe('/products/https%3A%2F%2Fdaff.example%2Fproducts%2Flistener%2Flistening-sessions');
    expect(fromSegment(href.split('/')[2] as string)).toBe(iri);
    expect(productJsonLdHref(iri)).toBe(`${href}/jsonld`);
  });

  it('keeps a segment with a stray % as it is instead of failing the page', () => {
    expect(fromSegment('100%-orders')).toBe('100%-orders');
    expect(fromSegment('growth%20analytics')).toBe('growth analytics');
  });
});
