import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** One judged query: topical grades by product name (absent = 0) and the product(s) to use. */
export interface JudgedQuery {
  readonly q: string;
  readonly topical: Readonly<Record<string, number>>;
  readonly use: readonly string[];
}

/** The judged query set of `queries.yaml`. */
export interface Judgments {
  readonly flawed: Readonly<Record<string, string>>;
  readonly queries: readonly JudgedQuery[];
}

/** Reads `test/judged/queries.yaml`. */
export function readJudgments(file = new URL('./queries.yaml', import.meta.url)): Judgments {
  return parse(readFileSync(file, 'utf8')) as Judgments;
}

/** A product's topical grade for a query: 3 exactly named … 0 irrelevant. */
export const topicalGrade = (j: JudgedQuery, product: string): number => j.topical[product] ?? 0;

/**
 * A product's fitness grade for a query, by the rubric of research/ranking.md §C.1: 3 the product
 * to use; 2 relevant and usable; 1 relevant but flawed (duplicate, deprecated, unreliable, poorly
 * rated) or only partially relevant; 0 irrelevant.
 */
export function fitnessGrade(j: JudgedQuery, product: string, flawed: Judgments['flawed']): number {
  const topical = topicalGrade(j, product);
  if (topical === 0) return 0;
  if (j.use.includes(product)) return 3;
  return topical >= 2 && !(product in flawed) ? 2 : 1;
}

/** `DCG@k = Σ (2^g − 1) / log2(i + 1)` over the first k grades. */
function dcg(grades: readonly number[], k: number): number {
  return grades.slice(0, k).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
}

/**
 * nDCG@k of a ranked list of products: its DCG over the ideal DCG of every judged grade (the
 * judged products a ranking leaves out count against it). 1 when nothing is relevant.
 */
export function ndcg(ranked: readonly string[], grade: (product: string) => number, judged: readonly string[], k = 10): number {
  const ideal = dcg(judged.map(grade).sort((a, b) => b - a), k);
  return ideal === 0 ? 1 : dcg(ranked.map(grade), k) / ideal;
}
