import { QuantaError, ValidationError, toPointer } from '@quanta/model';

/** Where a JSON-LD document sits in the input, to locate what jsonld complains about. */
export interface DocumentSite {
  /** JSON Pointer of the document inside the descriptor, `''` for the descriptor itself. */
  readonly pointer: string;
  /** The document as given, searched for the term a safe-mode error names. */
  readonly document: unknown;
  /** What the document is, for the message: "semantic model", "descriptor". */
  readonly what: string;
}

interface JsonLdEvent {
  readonly code?: string;
  readonly message?: string;
  readonly details?: Record<string, unknown>;
}

interface JsonLdErrorLike {
  readonly name: string;
  readonly message: string;
  readonly details?: { readonly code?: string; readonly cause?: unknown; readonly event?: JsonLdEvent; readonly url?: string };
}

/**
 * Turns what `jsonld` throws into the error the caller should see. jsonld wraps a loader's error
 * (`jsonld.InvalidUrl` with the original as `details.cause`): the pinned loader's ValidationError is
 * dug out and returned as it was thrown. Safe-mode and syntax errors become a ValidationError that
 * names the offending term and points at it. Anything else (a bug, not bad input) is returned as is.
 */
export function asInputError(error: unknown, site: DocumentSite): unknown {
  const own = ownError(error);
  if (own) return own;
  if (!isJsonLdError(error)) return error;
  const event = error.details?.event;
  if (error.name === 'jsonld.ValidationError' && event) return safeModeError(event, site);
  const code = error.details?.code ? ` (${error.details.code})` : '';
  const message = `${error.message.replace(/\.$/, '')}${code}`;
  return new ValidationError(`Invalid ${site.what}: ${message}`, [{ pointer: site.pointer, message }]);
}

/** The first Quanta error on the chain of causes jsonld builds around a loader's error. */
function ownError(error: unknown): QuantaError | undefined {
  for (let e: unknown = error, hops = 0; e !== undefined && e !== null && hops < 10; hops++) {
    if (e instanceof QuantaError) return e;
    e = (e as JsonLdErrorLike).details?.cause ?? (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function isJsonLdError(error: unknown): error is JsonLdErrorLike {
  return error instanceof Error && error.name.startsWith('jsonld.');
}

/** Safe mode refuses what expansion would silently drop or leave relative: name the term. */
function safeModeError(event: JsonLdEvent, site: DocumentSite): ValidationError {
  const details = event.details ?? {};
  const term = [details.property, details.type, details.id, details.term].find((v) => typeof v === 'string') as
    | string
    | undefined;
  const described = describe(event.code, term) ?? `${event.message ?? 'unsafe JSON-LD'}${event.code ? ` (${event.code})` : ''}`;
  const pointer = term === undefined ? site.pointer : (locate(site.document, term, site.pointer) ?? site.pointer);
  return new ValidationError(`Invalid ${site.what}: ${described}`, [{ pointer, message: described }]);
}

function describe(code: string | undefined, term: string | undefined): string | undefined {
  if (term === undefined) return undefined;
  if (code === 'invalid property') {
    return `term "${term}" is not defined by the context, so its value would be dropped; define it or use a full IRI`;
  }
  if (code === 'relative @type reference') return `type "${term}" is not defined by the context and is not an absolute IRI`;
  if (code === 'relative @id reference') return `"${term}" is not an absolute IRI and no base resolves it`;
  return `"${term}" cannot be read as RDF (${code ?? 'unsafe JSON-LD'})`;
}

/** JSON Pointer of the first place `term` appears as a key or a value in `document`, searched breadth-first. */
function locate(document: unknown, term: string, root: string): string | undefined {
  const queue: { value: unknown; pointer: string }[] = [{ value: document, pointer: root }];
  for (let i = 0; i < queue.length; i++) {
    const { value, pointer } = queue[i] as (typeof queue)[number];
    if (value === term) return pointer;
    if (value === null || typeof value !== 'object') continue;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const at = `${pointer}${toPointer([key])}`;
      if (key === term) return at;
      queue.push({ value: child, pointer: at });
    }
  }
  return undefined;
}
