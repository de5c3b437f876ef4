import { describe, expect, it } from 'vitest';
import { fromSegment, productHref, productJsonLdHref, safeNext, signInHref } from './links';

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

describe('where sign-in leads back to', () => {
  it('keeps a path of this site, with its query', () => {
    expect(safeNext('/products/https%3A%2F%2Fdaff.example%2Fp?depth=3')).toBe('/products/https%3A%2F%2Fdaff.example%2Fp?depth=3');
    expect(safeNext('/owners/growth')).toBe('/owners/growth');
    expect(signInHref('/owners/growth?x=1')).toBe('/sign-in?next=%2Fowners%2Fgrowth%3Fx%3D1');
  });

  it('refuses anything that could leave the site: the open redirect', () => {
    for (const next of ['https://evil.example', '//evil.example', '/\\evil.example', '\\\\evil.example', '/\t/evil.example', 'javascript:alert(1)', 'evil.example', '/%2F/evil.example/..', '', undefined]) {
      const to = safeNext(next);
      expect(to, String(next)).toMatch(/^\/(?![/\\])/);
      expect(new URL(to, 'http://quanta.test').origin, String(next)).toBe('http://quanta.test');
    }
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('//evil.example/x')).toBe('/');
  });
});
