import { distance } from 'fastest-levenshtein';
import { DEFAULT_RANKING_PARAMS, type RankingParams } from '../params.js';
import type { DuplicateCorpus, PreparedProduct } from './corpus.js';
import { columnKey, TYPE_CLASSES, type ColumnSignature } from './signature.js';

/** Normalised Levenshtein similarity: `1 − d/max(len)`, 1 for equal strings. */
export function nameSimilarity(x: string, y: string): number {
  const longest = Math.max(x.length, y.length);
  return longest === 0 ? 1 : 1 - distance(x, y) / longest;
}

/**
 * How many of the columns left over after exact matching pair up one-to-one (greedily, the most
 * similar first): same type class, and name similarity ≥ `columnSimilarity` or the same linked
 * concept (§B.5.1's glossary: in a mesh, the shared ontology is the glossary, so a column linked
 * to Customer is a customer column whatever its name). Ties go by name, so the count does not
 * depend on the order the columns come in.
 */
export function fuzzyMatches(left: readonly ColumnSignature[], right: readonly ColumnSignature[], params: RankingParams = DEFAULT_RANKING_PARAMS): number {
  const threshold = params.duplicates.columnSimilarity;
  const found: { sim: number; i: number; j: number }[] = [];
  left.forEach((x, i) => {
    right.forEach((y, j) => {
      if (x.type !== y.type) return;
      if (x.concept !== undefined && x.concept === y.concept) {
        // Named the same thing by the glossary: as good as an equal name, after equal names.
        found.push({ sim: Math.max(threshold, nameSimilarity(x.token, y.token)), i, j });
        return;
      }
      const longest = Math.max(x.token.length, y.token.length);
      // d ≥ |length difference| (and ≥ 1 for different names): skip pairs that cannot reach the threshold.
      const least = Math.max(x.token === y.token ? 0 : 1, Math.abs(x.token.length - y.token.length));
      if (1 - least / longest < threshold) return;
      const sim = nameSimilarity(x.token, y.token);
      if (sim >= threshold) found.push({ sim, i, j });
    });
  });
  if (found.length === 0) return 0;
  found.sort((p, q) => q.sim - p.sim || cmp(left[p.i]?.token, left[q.i]?.token) || cmp(right[p.j]?.token, right[q.j]?.token));
  const usedLeft = new Set<number>();
  const usedRight = new Set<number>();
  for (const { i, j } of found) {
    if (usedLeft.has(i) || usedRight.has(j)) continue;
    usedLeft.add(i);
    usedRight.add(j);
  }
  return usedLeft.size;
}

const cmp = (x = '', y = ''): number => (x < y ? -1 : x > y ? 1 : 0);

/**
 * Columns of two products that match one-to-one: exact signatures first, then fuzzy matches
 * among the rest (§B.5.2). Each side's signatures are taken once.
 */
export function matchedColumns(a: readonly ColumnSignature[], b: readonly ColumnSignature[], params: RankingParams = DEFAULT_RANKING_PARAMS): number {
  const keysA = new Map(a.map((c) => [columnKey(c), c]));
  const keysB = new Map(b.map((c) => [columnKey(c), c]));
  let exact = 0;
  for (const k of keysA.keys()) if (keysB.has(k)) exact++;
  const left = [...keysA].filter(([k]) => !keysB.has(k)).map(([, c]) => c);
  const right = [...keysB].filter(([k]) => !keysA.has(k)).map(([, c]) => c);
  return exact + fuzzyMatches(left, right, params);
}

// Leftover columns per type class of each side; reused, since scoring never runs re-entrantly.
const leftA = new Int32Array(TYPE_CLASSES.length);
const leftB = new Int32Array(TYPE_CLASSES.length);

function bump(counts: Int32Array, slot: number): void {
  counts[slot] = (counts[slot] as number) + 1;
}

/**
 * Walks two prepared schemas together: counts the exact matches, counts each side's leftovers per
 * type class (into `leftA`/`leftB`), and collects the leftovers themselves when given lists.
 */
function splitColumns(a: PreparedProduct, b: PreparedProduct, corpus: DuplicateCorpus, left?: ColumnSignature[], right?: ColumnSignature[]): number {
  const x = a.columnKeys;
  const y = b.columnKeys;
  leftA.fill(0);
  leftB.fill(0);
  let exact = 0;
  let i = 0;
  let j = 0;
  // Never past a typed array's end (in the loop condition too): V8 makes such reads slow.
  while (i < x.length || j < y.length) {
    const u = i < x.length ? (x[i] as number) : Infinity;
    const v = j < y.length ? (y[j] as number) : Infinity;
    if (u === v) {
      exact++;
      i++;
      j++;
    } else if (u < v) {
      const c = a.columns[i] as number;
      bump(leftA, corpus.typeClass(c));
      left?.push(corpus.signature(c));
      i++;
    } else {
      const c = b.columns[j] as number;
      bump(leftB, corpus.typeClass(c));
      right?.push(corpus.signature(c));
      j++;
    }
  }
  return exact;
}

/**
 * At most how many columns of two prepared products can match: the exact matches, plus per type
 * class the smaller side's leftovers (a fuzzy match needs the same class). No lists are built.
 */
export function matchCeiling(a: PreparedProduct, b: PreparedProduct, corpus: DuplicateCorpus): number {
  let n = splitColumns(a, b, corpus);
  for (let t = 0; t < TYPE_CLASSES.length; t++) n += Math.min(leftA[t] as number, leftB[t] as number);
  return n;
}

/** {@link matchedColumns} for two prepared products: exact matches by interned key, then fuzzy ones. */
export function preparedMatches(a: PreparedProduct, b: PreparedProduct, corpus: DuplicateCorpus, params: RankingParams = DEFAULT_RANKING_PARAMS): number {
  const left: ColumnSignature[] = [];
  const right: ColumnSignature[] = [];
  const exact = splitColumns(a, b, corpus, left, right);
  return exact + fuzzyMatches(left, right, params);
}
