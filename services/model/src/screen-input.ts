import { toPointer } from './errors.js';

/** Deepest nesting accepted in any input: deeper documents are refused before anything walks them recursively. */
export const MAX_INPUT_DEPTH = 64;

/** What {@link screenInput} found wrong, and where (a JSON Pointer). */
export interface ScreenedProblem {
  readonly pointer: string;
  /** The rule broken, without the pointer: `nested deeper than 64 levels`. */
  readonly rule: string;
}

interface Frame {
  readonly value: unknown;
  readonly depth: number;
  readonly parent: Frame | undefined;
  readonly key: string;
}

/** In a `u` regex a paired surrogate is one code point, so only lone ones match. */
const LONE_SURROGATE = /\p{Surrogate}/u;
const ILL_FORMED = 'must be well-formed Unicode (it holds a lone UTF-16 surrogate)';

/**
 * Checks a parsed JSON input before any parser or schema validator walks it: nesting no deeper
 * than `maxDepth` (deeper input could exhaust their recursion), and every key and string
 * well-formed Unicode (JSON may escape a lone surrogate, `"\ud800"`, which no IRI or UTF-8 text
 * can hold). One pass with an explicit stack, so hostile input cannot exhaust this one either;
 * the pointer is spelled out only for the problem found, since inputs are checked on hot paths.
 * @returns the first problem, or undefined when the input passes
 */
export function screenInput(input: unknown, maxDepth = MAX_INPUT_DEPTH): ScreenedProblem | undefined {
  const stack: Frame[] = [{ value: input, depth: 0, parent: undefined, key: '' }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const value = top.value;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return found(top, ILL_FORMED);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (top.depth >= maxDepth) return found(top, `nested deeper than ${maxDepth} levels`);
    for (const key of Object.keys(value)) {
      const child: Frame = { value: (value as Record<string, unknown>)[key], depth: top.depth + 1, parent: top, key };
      if (LONE_SURROGATE.test(key)) return found(child, ILL_FORMED);
      stack.push(child);
    }
  }
  return undefined;
}

function found(frame: Frame, rule: string): ScreenedProblem {
  const path: string[] = [];
  for (let f: Frame | undefined = frame; f?.parent !== undefined; f = f.parent) path.push(f.key);
  return { pointer: toPointer(path.reverse()), rule };
}
