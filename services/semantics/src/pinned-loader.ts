import { ValidationError } from '@quanta/model';
import { type ContextDocument, pinnedContexts } from '@quanta/ontologies';

/** What a JSON-LD document loader returns (the `jsonld` package's RemoteDocument). */
export interface LoadedDocument {
  readonly contextUrl: null;
  readonly documentUrl: string;
  readonly document: ContextDocument;
}

/** A `jsonld` document loader that never touches the network or the file system. */
export type PinnedLoader = (url: string) => Promise<LoadedDocument>;

/** Where a refused reference sits, and which contexts are pinned. */
export interface LoaderOptions {
  /** The contexts the loader serves, by URL; defaults to `pinnedContexts()` of `@quanta/ontologies`. */
  readonly pinned?: ReadonlyMap<string, ContextDocument>;
  /** JSON Pointer a refusal is reported at when the caller knows no better, e.g. `/semanticModel/@context`. */
  readonly pointer?: string;
}

/**
 * The error for a context URL that is not pinned. It names the URL and every allowed one, so a
 * producer can fix the descriptor without reading Quanta's source (DESIGN.md §9.7: the server
 * never fetches a URL taken from input).
 */
export function refusedContext(url: string, pointer: string, pinned: ReadonlyMap<string, ContextDocument>): ValidationError {
  const allowed = [...pinned.keys()].join(', ');
  const message =
    `JSON-LD context "${url}" is not allowed: Quanta never fetches remote documents; ` +
    `use an inline context or one of the pinned contexts (${allowed})`;
  return new ValidationError(message, [{ pointer, message }]);
}

/**
 * A document loader serving only pinned contexts. Every other URL — http(s), file:, loopback,
 * link-local, relative — is refused with a {@link ValidationError} before any I/O could happen:
 * the lookup is a map read, so there is nothing to time out and nothing to leak.
 */
export function createPinnedLoader(options: LoaderOptions = {}): PinnedLoader {
  const pinned = options.pinned ?? pinnedContexts();
  const pointer = options.pointer ?? '';
  return async (url: string) => {
    const document = pinned.get(url);
    if (document === undefined) throw refusedContext(url, pointer, pinned);
    // jsonld rewrites relative URLs inside a loaded context in place: hand out a copy, never the table's object.
    return { contextUrl: null, documentUrl: url, document: structuredClone(document) };
  };
}
