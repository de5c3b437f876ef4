import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** One judged query: a topical and a fitness grade (0–3) per product name; absent = 0. */
export interface JudgedQuery {
  readonly q: string;
  /** head, torso or tail of a search-log query; `canonical head` (…) of a known-canonical one; `named` for one written from product names. */
  readonly stratum: string;
  readonly topical: Readonly<Record<string, number>>;
  readonly fitness: Readonly<Record<string, number>>;
  /** For a known-canonical query: the product(s) the owning domain agrees are the right answer. */
  readonly canonical?: readonly string[];
}

/** A judged query set, under the name its table prints. */
export interface JudgedSet {
  readonly name: string;
  readonly queries: readonly JudgedQuery[];
}

/** `named-queries.yaml`: topical grades, the product(s) to use, and the flawed products. */
interface NamedFile {
  readonly flawed: Readonly<Record<string, string>>;
  readonly queries: readonly { q: string; topical: Record<string, number>; use: string[] }[];
}

/** `log-queries.yaml`: per query, `product: [topical, fitness]` as the judges settled them. */
interface LogFile {
  readonly queries: readonly { q: string; stratum: string; grades: Record<string, [number, number]> }[];
}

/** `canonical-queries.yaml`: the log's shape, plus the answer the owning domain agrees on. */
interface CanonicalFile {
  readonly queries: readonly { q: string; stratum: string; canonical: string[]; grades: Record<string, [number, number]> }[];
}

const read = <T>(name: string): T => parse(readFileSync(new URL(name, import.meta.url), 'utf8')) as T;

/**
 * The first judged set, written from the products' names and descriptions. Fitness is derived from
 * the topical grades by the rubric of research/ranking.md §C.1: 3 the product to use; 2 relevant
 * and usable; 1 relevant but flawed (duplicate, deprecated, unreliable, poorly rated) or only
 * partially relevant; 0 irrelevant.
 */
export function namedQueries(): JudgedSet {
  const { flawed, queries } = read<NamedFile>('./named-queries.yaml');
  const fitnessOf = (topical: number, product: string, use: readonly string[]): number => {
    if (topical === 0) return 0;
    if (use.includes(product)) return 3;
    return topical >= 2 && !(product in flawed) ? 2 : 1;
  };
  return {
    name: 'named queries',
    queries: queries.map(({ q, topical, use }) => ({
      q,
      stratum: 'named',
      topical,
      fitness: Object.fromEntries(Object.entries(topical).map(([p, t]) => [p, fitnessOf(t, p, use)])),
    })),
  };
}

/** The search-log set of §C.1: need-based queries, both grades given by the judges. */
export function logQueries(): JudgedSet {
  const { queries } = read<LogFile>('./log-queries.yaml');
  return {
    name: 'search-log queries',
    queries: queries.map(({ q, stratum, grades }) => ({ q, stratum, ...splitGrades(grades) })),
  };
}

/**
 * The known-canonical queries of §C.1: consumers' queries for data the mesh holds in several
 * products (copies, mirrors, snapshots, superseded versions, near-duplicates), each with the
 * product the owning domain agrees is the right answer, graded by the judges like the log.
 */
export function canonicalQueries(): JudgedSet {
  const { queries } = read<CanonicalFile>('./canonical-queries.yaml');
  return {
    name: 'known-canonical queries',
    queries: queries.map(({ q, stratum, canonical, grades }) => ({ q, stratum: `canonical ${stratum}`, canonical, ...splitGrades(grades) })),
  };
}

/** §C.1's whole query set: the search log and the known-canonical queries together. */
export function protocolQueries(): JudgedSet {
  return { name: 'the §C.1 set (search log + known-canonical)', queries: [...logQueries().queries, ...canonicalQueries().queries] };
}

function splitGrades(grades: Readonly<Record<string, readonly [number, number]>>): Pick<JudgedQuery, 'topical' | 'fitness'> {
  return {
    topical: Object.fromEntries(Object.entries(grades).map(([p, [t]]) => [p, t])),
    fitness: Object.fromEntries(Object.entries(grades).map(([p, [, f]]) => [p, f])),
  };
}

/** The products a query's judges graded above 0. */
export const judgedProducts = (j: JudgedQuery): string[] => Object.keys(j.topical).filter((p) => (j.topical[p] ?? 0) > 0);

/** A grade of a product for a query: absent = 0. */
export const grade = (grades: Readonly<Record<string, number>>, product: string): number => grades[product] ?? 0;
