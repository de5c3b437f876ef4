import { ImportRefusedError } from './import-types.js';

/** A JSON object, as the importers read an (already schema-valid) source document. */
export type Json = Record<string, unknown>;

/** True for a JSON object (not an array, not null). */
export const isJson = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);
/** The value when it is an object, else an empty one: optional parts read without guards. */
export const jsonOf = (value: unknown): Json => (isJson(value) ? value : {});
/** The value when it is an array, else an empty one. */
export const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** A non-blank string, trimmed; undefined for anything else. */
export const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** How many aliases a YAML document may use: enough for anchors in real documents, not for an alias bomb. */
export const MAX_ALIASES = 100;

/** Deeper than any descriptor of the four standards; deep enough to stop a hostile one before it exhausts the stack. */
const MAX_DEPTH = 500;

/**
 * A parsed YAML or JSON document as a tree: every alias expanded into a copy of its own, so each
 * part has one JSON Pointer, and every object built with `Object.fromEntries`, so a `__proto__`
 * key stays a key. Run after every parse: an alias that names a node containing it
 * (`fields: &f {a: {fields: *f}}`) makes a cycle, which would send schema validation, `$ref`
 * resolution and the unmapped report round it until the stack overflows. The parser's
 * `maxAliasCount` still bounds how far aliases can multiply the copies.
 * @param what the document, as a refusal names it (`the document`, `ports/x.json`)
 * @throws ImportRefusedError for a cyclic document, or one nested deeper than any standard needs
 */
export function treeOf(value: unknown, what: string): unknown {
  const above = new Set<object>();
  const copy = (node: unknown, pointer: string): unknown => {
    if (node === null || typeof node !== 'object') return node;
    if (above.has(node)) {
      const message = `${what} is cyclic: a YAML alias names a part that contains it`;
      throw new ImportRefusedError(message, [{ pointer: pointer || '/', message: 'this alias names a part that contains it' }]);
    }
    if (above.size >= MAX_DEPTH) throw new ImportRefusedError(`${what} is nested more than ${MAX_DEPTH} levels deep`, [{ pointer, message: `nested more than ${MAX_DEPTH} levels deep` }]);
    above.add(node);
    const out = Array.isArray(node)
      ? node.map((item, i) => copy(item, `${pointer}/${i}`))
      : Object.fromEntries(Object.entries(node).map(([key, item]) => [key, copy(item, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`)]));
    above.delete(node);
    return out;
  };
  return copy(value, '');
}
