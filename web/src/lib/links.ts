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

/** The sign-in page, coming back to `next` (a path of this site) once signed in. */
export const signInHref = (next: string) => `/sign-in?next=${encodeURIComponent(next)}`;

const BASE = 'http://quanta.invalid';
/** A backslash, or a control character (which browsers drop from a URL before reading it). */
const unsafe = (c: string) => c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f;

/**
 * Where to go after signing in: `next` when it is a path of this site, else the search page.
 * Anything that could leave the site is refused (an open redirect would let a link of anyone's
 * lend Quanta's address to a phishing page): absolute URLs, `//host` and `/\host` (which browsers
 * read as `//host`), and control characters browsers strip before reading the rest.
 */
export function safeNext(next: string | undefined): string {
  if (!next || !next.startsWith('/') || [...next].some(unsafe)) return '/';
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE || url.pathname.startsWith('//')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
