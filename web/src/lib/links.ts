/**
 * Where each page lives. An IRI in a path is one percent-encoded segment, as in the REST API
 * (DESIGN.md §5), so `https://daff.example/products/x` stays one segment.
 */
/** A product's page. */
export const productHref = (iri: string) => `/products/${encodeURIComponent(iri)}`;
/** An owner team's report. */
export const ownerHref = (team: string) => `/owners/${encodeURIComponent(team)}`;
/** A domain's page. */
export const domainHref = (domain: string) => `/domains/${encodeURIComponent(domain)}`;
/** "Everything that speaks about" a concept. */
export const conceptHref = (iri: string) => `/concepts/${encodeURIComponent(iri)}`;

/** The product's RDF as the API serves it (JSON-LD), served by the UI from the API. */
export const productJsonLdHref = (iri: string) => `${productHref(iri)}/jsonld`;

/**
 * A name or IRI back from its route segment. Next.js 16 hands dynamic params over still
 * percent-encoded; a stray `%` that is not an escape is kept as it is rather than failing the page.
 */
export function fromSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
