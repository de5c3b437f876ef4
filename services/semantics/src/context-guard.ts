import { ValidationError, toPointer } from '@quanta/model';
import type { ContextDocument } from '@quanta/ontologies';
import { refusedContext } from './pinned-loader.js';

/** Deepest nesting of `@context` inside one document (ADR 0006): a context in a scoped term in a node, ... */
export const MAX_CONTEXT_DEPTH = 8;

/** What the guard checks a document against. */
export interface ContextGuardOptions {
  /** The contexts a document may name by URL. */
  readonly pinned: ReadonlyMap<string, ContextDocument>;
  /** JSON Pointer of the document inside the descriptor, e.g. `/semanticModel`. */
  readonly pointer: string;
  /** Base IRI relative context references resolve against, as jsonld would resolve them. */
  readonly base?: string;
}

interface Visit {
  readonly value: unknown;
  readonly pointer: string;
  /** How many `@context` members enclose `value`. */
  readonly depth: number;
}

/**
 * Checks every `@context` and `@import` in a JSON-LD document before `jsonld` sees it: nesting
 * deeper than {@link MAX_CONTEXT_DEPTH} and context URLs that are not pinned are refused with the
 * exact JSON Pointer of the offending value. jsonld would refuse the URLs too (through the pinned
 * loader), but only with the URL; and refusing here means a cycle between contexts can never start,
 * since the only contexts a document can reach by URL are the pinned ones.
 * Walks with an explicit stack so a hostile document cannot exhaust the call stack.
 * @throws ValidationError
 */
export function assertSafeContexts(document: unknown, options: ContextGuardOptions): void {
  const stack: Visit[] = [{ value: document, pointer: options.pointer, depth: 0 }];
  while (stack.length > 0) {
    const { value, pointer, depth } = stack.pop() as Visit;
    if (value === null || typeof value !== 'object') continue;
    const entries: [string, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [String(i), v])
      : Object.entries(value as Record<string, unknown>);
    for (const [key, child] of entries) {
      const childPointer = `${pointer}${toPointer([key])}`;
      const isContext = key === '@context' && !Array.isArray(value);
      const childDepth = isContext ? depth + 1 : depth;
      if (childDepth > MAX_CONTEXT_DEPTH) throw tooDeep(childPointer);
      if (isContext || (key === '@import' && !Array.isArray(value))) checkReferences(child, childPointer, options);
      stack.push({ value: child, pointer: childPointer, depth: childDepth });
    }
  }
}

/** A context value is a URL, an object, null, or an array of those: every URL must be pinned. */
function checkReferences(context: unknown, pointer: string, options: ContextGuardOptions): void {
  const items = Array.isArray(context) ? context.map((c, i) => [c, `${pointer}/${i}`] as const) : [[context, pointer] as const];
  for (const [item, at] of items) {
    if (typeof item !== 'string') continue;
    if (!options.pinned.has(item) && !options.pinned.has(resolve(item, options.base))) {
      throw refusedContext(item, at, options.pinned);
    }
  }
}

/** A relative reference as jsonld resolves it against the document's base. */
function resolve(reference: string, base: string | undefined): string {
  try {
    return new URL(reference, base).href;
  } catch {
    return reference; // not a URL at all: it cannot be pinned, and the caller reports it as written
  }
}

function tooDeep(pointer: string): ValidationError {
  const message = `@context is nested deeper than ${MAX_CONTEXT_DEPTH} levels`;
  return new ValidationError(`Invalid semantic model at ${pointer}: ${message}`, [{ pointer, message }]);
}
