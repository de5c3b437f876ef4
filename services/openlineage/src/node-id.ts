import { InvalidParameterError } from '@quanta/model';

/**
 * A node of the lineage graph, named the way Marquez names it (research/standards.md §2), so that
 * Marquez-style clients work unchanged: `dataset:<namespace>:<name>`, `job:<namespace>:<name>`,
 * `datasetField:<namespace>:<dataset>:<field>` and `run:<uuid>`; all but runs may end in `#<version>`.
 */
export type NodeId =
  | { readonly kind: 'dataset'; readonly namespace: string; readonly name: string; readonly version?: string }
  | { readonly kind: 'job'; readonly namespace: string; readonly name: string; readonly version?: string }
  | { readonly kind: 'datasetField'; readonly namespace: string; readonly dataset: string; readonly field: string; readonly version?: string }
  | { readonly kind: 'run'; readonly runId: string };

/** A node id that does not follow the grammar. It is an invalid parameter, so transports answer 400. */
export class InvalidNodeIdError extends InvalidParameterError {
  constructor(
    /** The text that was given. */
    readonly text: string,
    /** What is wrong with it, e.g. `a run id must be a UUID`. */
    readonly reason: string,
  ) {
    super(`Invalid node id ${JSON.stringify(text)}: ${reason}`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION_SUFFIX = /#([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
/** Marquez's separator when there are too many colons: one not starting `://` or a port. */
const MARQUEZ_SEPARATOR = /:(?!\/\/|\d)/g;
/**
 * Tried only where Marquez's rule finds too few separators: a colon before digits separates unless
 * the digits look like a port (followed by `:`, `/` or the end), so `postgres://db:5432:2024_sales`
 * still parses. Every id Marquez parses is parsed the same way.
 */
const PORT_AWARE_SEPARATOR = /:(?!\/\/|\d+(?:[:/]|$))/g;

const PARTS = {
  dataset: ['namespace', 'name'],
  job: ['namespace', 'name'],
  datasetField: ['namespace', 'dataset', 'field'],
} as const;

/**
 * Reads a node id. Namespaces are URIs, so a colon is ambiguous: when the id has exactly as many
 * colons as parts it is split on each; otherwise only on colons not followed by `//` or a digit
 * (Marquez's rule), so `dataset:postgres://db:5432:mydb.public.orders` is namespace
 * `postgres://db:5432`, name `mydb.public.orders`. A trailing `#<uuid>` is the version. Ids whose
 * namespace holds a colon followed by a letter (not `://`) cannot be read back; Marquez has the same limit.
 * @throws InvalidNodeIdError naming what is wrong
 */
export function parseNodeId(text: string): NodeId {
  const colon = text.indexOf(':');
  const kind = colon < 0 ? '' : text.slice(0, colon);
  const body = text.slice(colon + 1);
  if (kind === 'run') {
    if (!UUID.test(body)) throw new InvalidNodeIdError(text, 'a run id must be run:<uuid>');
    return { kind, runId: body };
  }
  if (kind !== 'dataset' && kind !== 'job' && kind !== 'datasetField') {
    throw new InvalidNodeIdError(text, 'must start with dataset:, datasetField:, job: or run:');
  }
  const names = PARTS[kind];
  const version = VERSION_SUFFIX.exec(body)?.[1];
  const values = splitParts(version === undefined ? body : body.slice(0, -(version.length + 1)), names.length);
  const missing = values === undefined ? names.at(-1) : names.find((_, index) => values[index] === '');
  if (values === undefined || missing !== undefined) {
    throw new InvalidNodeIdError(text, `expected ${kind}:${names.map((name) => `<${name}>`).join(':')}, the ${missing} is missing`);
  }
  const versioned = version === undefined ? {} : { version };
  if (kind === 'datasetField') return { kind, namespace: values[0] as string, dataset: values[1] as string, field: values[2] as string, ...versioned };
  return { kind, namespace: values[0] as string, name: values[1] as string, ...versioned };
}

/** Splits `body` into `count` parts by the rules of {@link parseNodeId}, or undefined when it has too few. */
function splitParts(body: string, count: number): string[] | undefined {
  const pieces = body.split(/[:#]/).length;
  if (pieces < count) return undefined;
  if (pieces === count && !body.includes('#')) return body.split(':');
  return splitAt(body, count, MARQUEZ_SEPARATOR) ?? splitAt(body, count, PORT_AWARE_SEPARATOR);
}

/** `body` cut at the first `count - 1` matches of `separator`; the last part keeps any further colons. */
function splitAt(body: string, count: number, separator: RegExp): string[] | undefined {
  const cuts = [...body.matchAll(separator)].slice(0, count - 1).map((match) => match.index);
  if (cuts.length < count - 1) return undefined;
  const starts = [0, ...cuts.map((cut) => cut + 1)];
  return starts.map((start, index) => body.slice(start, cuts[index] ?? body.length));
}

/** Writes a node id; {@link parseNodeId} reads it back unless the namespace is ambiguous (see there). */
export function formatNodeId(id: NodeId): string {
  if (id.kind === 'run') return `run:${id.runId}`;
  const version = id.version === undefined ? '' : `#${id.version}`;
  if (id.kind === 'datasetField') return `datasetField:${id.namespace}:${id.dataset}:${id.field}${version}`;
  return `${id.kind}:${id.namespace}:${id.name}${version}`;
}
