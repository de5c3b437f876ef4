import { z } from 'zod';

/**
 * Characters RFC 3987 never allows in an IRI: controls, space and the delimiters `<>"{}|\^``.
 * Checking for them (plus a scheme) is what separates a global identifier from a typo.
 */
// eslint-disable-next-line no-control-regex -- RFC 3987 forbids control characters; finding them is the point
const FORBIDDEN = /[\u0000-\u0020<>"{}|\\^`\u007f-\u009f]/u;
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
/** A `%` not followed by two hex digits: percent-decoding it would throw. */
const BAD_ESCAPE = /%(?![0-9A-Fa-f]{2})/;

/**
 * True when `value` is an absolute IRI Quanta accepts as a global identifier:
 * `http(s)://host/...` with a host, or a `urn:` / `tag:` / `mailto:` IRI.
 *
 * @example isAbsoluteIri('https://daff.example/products/player/play-events') // true
 * @example isAbsoluteIri('play-events') // false: no scheme
 */
export function isAbsoluteIri(value: string): boolean {
  if (value.length === 0 || value.length > 2048 || FORBIDDEN.test(value) || BAD_ESCAPE.test(value) || !SCHEME.test(value)) {
    return false;
  }
  const scheme = value.slice(0, value.indexOf(':')).toLowerCase();
  if (scheme === 'http' || scheme === 'https') {
    try {
      return new URL(value).hostname.length > 0;
    } catch {
      return false;
    }
  }
  return ['urn', 'tag', 'mailto'].includes(scheme) && value.length > scheme.length + 1;
}

/** A zod schema for an absolute IRI, with a message that says what was expected. */
export const IriSchema = z
  .string()
  .refine(isAbsoluteIri, { message: 'must be an absolute IRI such as https://example.org/products/x or urn:x:y' });

/** An IRI that may carry a fragment naming a port: `<product IRI>#<port name>`. */
export type Iri = string;

/**
 * The IRI of an output port: the product IRI, `/ports/`, then the port name.
 *
 * @example portIri('https://daff.example/products/player/play-events', 'stream')
 *   // 'https://daff.example/products/player/play-events/ports/stream'
 */
export function portIri(productIri: Iri, portName: string): Iri {
  return `${productIri.replace(/\/+$/, '')}/ports/${portName}`;
}

/** The IRI of a field of an output port: `<port>/fields/<name>`, the name percent-encoded since any string is a field name. */
export function fieldIri(port: Iri, fieldName: string): Iri {
  return `${port}/fields/${encodeURIComponent(fieldName)}`;
}

/** The IRI of an output port's SLO, by its position: `<port>/slos/<index>`. */
export function sloIri(port: Iri, index: number): Iri {
  return `${port}/slos/${index}`;
}

/** The IRI of a product's input port, by its position: `<product>/inputs/<index>`. */
export function inputIri(productIri: Iri, index: number): Iri {
  return `${productIri.replace(/\/+$/, '')}/inputs/${index}`;
}

/** Quanta mints its own node IRIs (domains, teams, datasets) under this prefix; products may not use it. */
export const RESERVED_IRI_PREFIX = 'urn:quanta:';

/** The IRI of a domain node, minted under the Quanta namespace so that domains are shared across products. */
export function domainIri(domain: string): Iri {
  return `urn:quanta:domain:${domain}`;
}

/** The IRI of a team node. */
export function teamIri(team: string): Iri {
  return `urn:quanta:team:${team}`;
}

/** The IRI of an OpenLineage dataset identity (`namespace` + `name`). */
export function datasetIri(namespace: string, name: string): Iri {
  return `urn:quanta:dataset:${encodeURIComponent(namespace)}:${encodeURIComponent(name)}`;
}

/** The IRI of an OpenLineage job identity (`namespace` + `name`). */
export function jobIri(namespace: string, name: string): Iri {
  return `urn:quanta:job:${encodeURIComponent(namespace)}:${encodeURIComponent(name)}`;
}

/** The IRI of one run of a job, by its OpenLineage run id (a UUID, lower-cased). */
export function runIri(runId: string): Iri {
  return `urn:quanta:run:${runId.toLowerCase()}`;
}

/** The IRI of a field (column) of an OpenLineage dataset. */
export function datasetFieldIri(namespace: string, name: string, field: string): Iri {
  return `urn:quanta:dataset-field:${encodeURIComponent(namespace)}:${encodeURIComponent(name)}:${encodeURIComponent(field)}`;
}

/** What a lineage IRI minted by {@link datasetIri}, {@link jobIri} or {@link datasetFieldIri} names. */
export type LineageIdentity =
  | { readonly kind: 'Dataset' | 'Job'; readonly namespace: string; readonly name: string }
  | { readonly kind: 'DatasetField'; readonly namespace: string; readonly name: string; readonly field: string };

const LINEAGE_KINDS: Readonly<Record<string, LineageIdentity['kind']>> = { dataset: 'Dataset', job: 'Job', 'dataset-field': 'DatasetField' };

/**
 * Reads a dataset, job or dataset-field IRI back into its OpenLineage identity; undefined for any
 * other IRI. The parts are percent-encoded, so the `:` separators are unambiguous.
 */
export function lineageIdentity(iri: Iri): LineageIdentity | undefined {
  const match = /^urn:quanta:(dataset|job|dataset-field):([^:]*):([^:]*)(?::([^:]*))?$/.exec(iri);
  const kind = match && LINEAGE_KINDS[match[1] as string];
  if (!match || !kind || (kind === 'DatasetField') !== (match[4] !== undefined)) return undefined;
  const [namespace, name] = [decodeURIComponent(match[2] as string), decodeURIComponent(match[3] as string)];
  return kind === 'DatasetField' ? { kind, namespace, name, field: decodeURIComponent(match[4] as string) } : { kind, namespace, name };
}
