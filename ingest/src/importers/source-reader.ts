import type { Unmapped } from './import-types.js';

/** JSON Pointer escaping (RFC 6901). */
const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** A JSON Pointer from path segments. */
export const pointerOf = (...segments: (string | number)[]) => segments.map((s) => `/${escape(String(s))}`).join('');

/** Every proper ancestor of the pointers (`/a/b/c` gives `/a/b` and `/a`; the root is left out). */
export function ancestorsOf(pointers: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const pointer of pointers) {
    // Once an ancestor is in, so are all of its own.
    for (let i = pointer.lastIndexOf('/'); i > 0; i = pointer.lastIndexOf('/', i - 1)) {
      const ancestor = pointer.slice(0, i);
      if (out.has(ancestor)) break;
      out.add(ancestor);
    }
  }
  return out;
}

/**
 * Remembers which parts of a source document a mapping used, so that what it left behind can be
 * reported (the "report what could not be mapped") without each importer listing it by hand.
 */
export class SourceReader {
  private readonly used = new Set<string>();
  private readonly reasons = new Map<string, string>();

  constructor(readonly document: unknown) {}

  /** Marks a part (and everything under it) as carried into the descriptor. */
  use(pointer: string): void {
    this.used.add(pointer);
  }

  /** Marks a part as deliberately not carried, with the reason the report gives. */
  skip(pointer: string, reason: string): void {
    this.reasons.set(pointer, reason);
  }

  /** The parts marked as carried, for tests that check each one is in the descriptor. */
  carried(): readonly string[] {
    return [...this.used];
  }

  /**
   * Every part neither used nor under a used part, collapsed to the highest such node: `/roles`
   * once rather than each of its fields.
   */
  unmapped(defaultReason = 'the Quanta descriptor has no place for it'): Unmapped[] {
    const out: Unmapped[] = [];
    // A part with a used or explained descendant is opened up, so the report names what is under it.
    const opened = ancestorsOf([...this.used, ...this.reasons.keys()]);
    const visit = (value: unknown, pointer: string) => {
      if (this.used.has(pointer)) return;
      const reason = this.reasons.get(pointer);
      if (reason !== undefined) {
        out.push({ pointer, reason });
        return;
      }
      if (pointer !== '' && !opened.has(pointer)) {
        out.push({ pointer, reason: defaultReason });
        return;
      }
      if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${pointer}/${i}`));
      else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, `${pointer}/${escape(k)}`);
    };
    visit(this.document, '');
    return out;
  }
}
