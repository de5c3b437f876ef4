/**
 * Where each page lives. An IRI in a path is one percent-encoded segment, as in the REST API
 * (DESIGN.md §5), so `https://daff.example/products/x` stays one segment.
 */
export const productHref = (iri: string) => `/products/${encodeURIComponent(iri)}`;
export const ownerHref = (team: string) => `/owners/${encodeURIComponent(team)}`;
export const domainHref = (domain: string) => `/domains/${encodeURIComponent(domain)}`;
export const conceptHref = (iri: string) => `/concepts/${encodeURIComponent(iri)}`;

/** The product's RDF as the API serves it (JSON-LD), served by the UI from the API. */
export const productJsonLdHref = (iri: string) => `${productHref(iri)}/jsonld`;

/**
 * An IRI back from its route segment. Next.js hands params over decoded in some versions and
 * encoded in others; an IRI always has a scheme, so a colon tells them apart.
 */
export function iriFromSegment(segment: string): string {
  return segment.includes(':') ? segment : decodeURIComponent(segment);
}
