import type { PairEvidence } from '@quanta/model';
import { DEFAULT_RANKING_PARAMS, type RankingParams } from '../params.js';
import { matchCeiling, preparedMatches } from './columns.js';
import type { DuplicateCorpus, PreparedProduct } from './corpus.js';
import { holds, matchSorted, sharedIds } from './sorted.js';

export type { PairEvidence };

/** §B.5.8: likely duplicate (demotion and nudges), possible overlap ("similar products"), or nothing. */
export type DuplicateBand = 'likely' | 'possible' | 'none';

/** The duplicate score of two products (`a` < `b` by id), its band and its evidence. */
export interface PairScore {
  readonly a: string;
  readonly b: string;
  readonly score: number;
  readonly band: DuplicateBand;
  readonly evidence: PairEvidence;
  /** Why the band is not what the score alone says. */
  readonly reason?: string;
}

/** What lineage says of a pair before the columns are matched. */
interface Lineage {
  /** Jaccard of the upstream sets; undefined when neither has lineage. */
  readonly jaccard: number | undefined;
  /** Whether one lists the other among its upstreams, and which way. */
  readonly aFeedsB: boolean;
  readonly bFeedsA: boolean;
}

function lineageOf(a: PreparedProduct, b: PreparedProduct): Lineage {
  const n = a.upstreams.length + b.upstreams.length;
  const common = n > 0 ? matchSorted(a.upstreams, b.upstreams) : 0;
  return { jaccard: n > 0 ? common / (n - common) : undefined, aFeedsB: holds(b.upstreams, a.ref), bFeedsA: holds(a.upstreams, b.ref) };
}

/** S_lin (§B.5.5): the Jaccard, plus the bonus when one is a near-identity derivative of the other. */
function lineageScore(l: Lineage, contain: number, params: RankingParams): number | undefined {
  const d = params.duplicates;
  if (l.jaccard === undefined) return undefined;
  return (l.aFeedsB || l.bFeedsA) && contain >= d.derivativeContain ? Math.min(1, l.jaccard + d.derivativeBonus) : l.jaccard;
}

/** S_schema (§B.5.2): matched / (|A| + |B| − matched); undefined when neither declares columns. */
function schemaScore(a: PreparedProduct, b: PreparedProduct, matched: number): number | undefined {
  const n = a.columns.length + b.columns.length;
  return n > 0 ? matched / (n - matched) : undefined;
}

/** Contain: matched over the smaller schema. */
function containOf(a: PreparedProduct, b: PreparedProduct, matched: number): number {
  const smaller = Math.min(a.columns.length, b.columns.length);
  return smaller > 0 ? matched / smaller : 0;
}

/** The weighted mean of the available kinds of evidence (§B.5.7). */
function combine(schema: number | undefined, lineage: number | undefined, semantics: number | undefined, text: number, params: RankingParams): number {
  const w = params.duplicates.weights;
  let sum = w.text * text;
  let weight = w.text;
  if (schema !== undefined) {
    sum += w.schema * schema;
    weight += w.schema;
  }
  if (lineage !== undefined) {
    sum += w.lineage * lineage;
    weight += w.lineage;
  }
  if (semantics !== undefined) {
    sum += w.semantics * semantics;
    weight += w.semantics;
  }
  return sum / weight;
}

/**
 * The most a pair could score given `text`, if every leftover column matched (a fuzzy match needs
 * the same type class): an upper bound, so nothing that would reach a band is dropped by it. A
 * pair where one feeds the other with too little overlap to be a copy is lineage: it scores -1.
 */
function ceilingScore(a: PreparedProduct, b: PreparedProduct, l: Lineage, semantics: number | undefined, text: number, ceiling: number, params: RankingParams): number {
  const contain = containOf(a, b, ceiling);
  if ((l.aFeedsB || l.bFeedsA) && contain < params.duplicates.derivativeContain) return -1;
  return combine(schemaScore(a, b, ceiling), lineageScore(l, contain, params), semantics, text, params);
}

/** The band of a scored pair and, when the score alone would say otherwise, why. */
function band(
  a: PreparedProduct,
  b: PreparedProduct,
  l: Lineage,
  kinds: readonly (number | undefined)[],
  score: number,
  contain: number,
  params: RankingParams,
): { band: DuplicateBand; reason?: string } {
  const d = params.duplicates;
  if ((l.aFeedsB || l.bFeedsA) && contain < d.derivativeContain) {
    const [up, down] = l.aFeedsB ? [a, b] : [b, a];
    return { band: 'none', reason: `${up.name} is upstream of ${down.name}: lineage, not duplication` };
  }
  const strong = kinds.filter((s) => s !== undefined && s >= d.evidence).length;
  if (score >= d.likely && strong >= d.evidenceKinds) return { band: 'likely' };
  if (score >= d.likely) {
    return {
      band: 'possible',
      reason: `scores ${score.toFixed(2)} but only ${strong} of schema, lineage and semantics reach ${d.evidence.toFixed(2)} (a likely duplicate needs ${d.evidenceKinds})`,
    };
  }
  return { band: score >= d.possible ? 'possible' : 'none' };
}

/**
 * The §B.5 duplicate score of two prepared products of one corpus. With `prune`, a pair that
 * cannot reach the "possible" band (or is lineage, not duplication) is dropped as soon as cheap
 * upper bounds show it, before the text cosine and the fuzzy column matching: most candidate pairs
 * of a large mesh end there. Returns `undefined` only when pruned.
 */
export function scorePrepared(x: PreparedProduct, y: PreparedProduct, corpus: DuplicateCorpus, params: RankingParams, prune: boolean): PairScore | undefined {
  // Every bound is symmetric, so the pair is put in id order only once it survives them.
  const semantics = corpus.conceptJaccard(x, y);
  let text: number;
  if (prune) {
    // Cheapest first: lineage and concepts are known; then the columns' ceiling, from their counts
    // and then from one merge; the text cosine only for pairs still in reach of "possible".
    const l = lineageOf(x, y);
    if (ceilingScore(x, y, l, semantics, 1, Math.min(x.columns.length, y.columns.length), params) < params.duplicates.possible) return undefined;
    const ceiling = matchCeiling(x, y, corpus);
    if (ceilingScore(x, y, l, semantics, 1, ceiling, params) < params.duplicates.possible) return undefined;
    text = corpus.textCosine(x, y);
    if (ceilingScore(x, y, l, semantics, text, ceiling, params) < params.duplicates.possible) return undefined;
  } else text = corpus.textCosine(x, y);

  // In id order, so a pair gets one score (and one fuzzy matching) whichever side asks.
  const [a, b] = x.id <= y.id ? [x, y] : [y, x];
  const l = lineageOf(a, b);
  const matched = preparedMatches(a, b, corpus, params);
  const contain = containOf(a, b, matched);
  const schema = schemaScore(a, b, matched);
  const lineage = lineageScore(l, contain, params);
  const score = combine(schema, lineage, semantics, text, params);
  const evidence: PairEvidence = {
    schema: schema ?? 0,
    contain,
    ...(lineage !== undefined && { lineage }),
    ...(semantics !== undefined && { semantics }),
    text,
    matchedColumns: matched,
    sharedUpstreams: sharedIds(a.upstreams, b.upstreams)
      .map((id) => corpus.upstreams.string(id))
      .sort(),
    sharedConcepts: sharedIds(a.concepts, b.concepts)
      .map((id) => corpus.concepts.string(id))
      .sort(),
  };
  return { a: a.id, b: b.id, score, evidence, ...band(a, b, l, [schema, lineage, semantics], score, contain, params) };
}

/** The §B.5 duplicate score of two products of a corpus, with all its evidence. */
export function pairScore(a: PreparedProduct, b: PreparedProduct, corpus: DuplicateCorpus, params: RankingParams = DEFAULT_RANKING_PARAMS): PairScore {
  return scorePrepared(a, b, corpus, params, false) as PairScore;
}
