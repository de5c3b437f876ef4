import { describe, expect, it } from 'vitest';
import { iriFromSegment, productHref, productJsonLdHref } from './links';

describe('IRIs in paths', () => {
  const iri = 'https://daff.example/products/listener/listening-sessions';

  it('puts an IRI in one percent-encoded segment, and reads it back however Next.js hands it over', () => {
    const href = productHref(iri);
    expect(href).toBe('/products/https%3A%2F%2Fdaff.example%2Fproducts%2Flistener%2Flistening-sessions');
    const segment = href.split('/')[2] as string;
    expect(iriFromSegment(segment)).toBe(iri);
    expect(iriFromSegment(decodeURIComponent(segment))).toBe(iri);
    expect(productJsonLdHref(iri)).toBe(`${href}/jsonld`);
  });
});
