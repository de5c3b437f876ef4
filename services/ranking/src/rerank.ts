import type { RankingFactor } from '@quanta/model';
import { clamp, DEFAULT_RANKING_PARAMS, type RankingParams } from './params.js';

/** A candidate from the search engine: an id and its text relevance in [0, 1]. */
export interface Candidate {
  readonly id: string;
  readonly relevance: number;
  /** The query is exactly this product's name (or title): it ranks first whatever its feedback. */
  readonly exactName?: boolean;
}

/** The note on a hit ranked first because the query names it. */
export const EXACT_NOTE = 'exact name match: ranked first';

/** The note on a deprecated hit moved below the product its owner names as its replacement. */
export const SUCCESSOR_NOTE = 'deprecated: ranked below its successor';

/** The feedback known for one product: named factors whose product is the raw multiplier. */
export interface Feedback {
  readonly factors: readonly RankingFactor[];
  /** The id of the product that replaces this deprecated one: wherever both are hits, it ranks first. */
  readonly successor?: string;
}

/** The product of the factors, before the bounds: what the evidence says on its own. */
export const rawMultiplier = (factors: readonly RankingFactor[]): number => factors.reduce((m, f) => m * f.value, 1);

/** The multiplier search applies: the factors' product within `[mMin, mMax]`. */
export const boundedMultiplier = (factors: readonly RankingFactor[], params: RankingParams = DEFAULT_RANKING_PARAMS): number =>
  clamp(rawMultiplier(factors), params.mMin, params.mMax);

/** A candidate with its bounded multiplier, final score and explanation. */
export interface Ranked<C extends Candidate> {
  readonly candidate: C;
  readonly multiplier: number;
  readonly score: number;
  readonly factors: readonly RankingFactor[];
  readonly notes: readonly string[];
}

/**
 * Re-ranks search candidates: `score = relevance^α × clamp(Π factors, mMin, mMax)`, where a weak
 * text match (below the relevance gate) never gets lifted above ×1. A product the query names
 * exactly comes first: someone who types a name wants that product, not a better-rated twin. A
 * deprecated product never ranks above its declared successor (research/ranking.md §C.1), unless
 * the query names it: it goes right below. Ties keep the engine's order, so the re-ranker is a pure
 * function of its inputs.
 *
 * @param feedback - factors per candidate id; a missing id means no signals (×1).
 * @example rerank([{ id: 'a', relevance: 0.9 }], new Map())[0].score // 0.81
 */
export function rerank<C extends Candidate>(
  candidates: readonly C[],
  feedback: ReadonlyMap<string, Feedback>,
  params: RankingParams = DEFAULT_RANKING_PARAMS,
): Ranked<C>[] {
  const best = candidates.reduce((m, c) => Math.max(m, c.relevance), 0);
  const ranked = candidates.map((candidate, order) => {
    const factors = feedback.get(candidate.id)?.factors ?? [];
    const raw = rawMultiplier(factors);
    const notes: string[] = [];
    let multiplier = clamp(raw, params.mMin, params.mMax);
    if (multiplier !== raw) notes.push(`combined feedback ×${raw.toFixed(2)} bounded to [${params.mMin}, ${params.mMax}]`);
    if (multiplier > 1 && candidate.relevance < params.relGate * best) {
      multiplier = 1;
      notes.push('boosts not applied: weak text match for this query');
    }
    if (factors.length === 0) notes.push('no feedback signals yet: ranked by text relevance');
    if (candidate.exactName) notes.push(EXACT_NOTE);
    const score = Math.pow(candidate.relevance, params.alpha) * multiplier;
    return { candidate, multiplier, score, factors, notes, order };
  });
  const exact = (r: { candidate: C }) => (r.candidate.exactName ? 1 : 0);
  ranked.sort((a, b) => exact(b) - exact(a) || b.score - a.score || a.order - b.order);
  return belowSuccessors(
    ranked.map(({ order: _order, ...r }) => r),
    feedback,
  );
}

/**
 * Moves each deprecated hit ranked above its successor to just below it. A text match strong
 * enough to outweigh ×0.25 still finds the old product, but a searcher sees its replacement first.
 * Each hit moves at most once, so successors that name each other cannot loop.
 */
function belowSuccessors<C extends Candidate>(ranked: Ranked<C>[], feedback: ReadonlyMap<string, Feedback>): Ranked<C>[] {
  const moved = new Set<string>();
  for (let i = 0; i < ranked.length; i++) {
    const hit = ranked[i]!;
    const successor = feedback.get(hit.candidate.id)?.successor;
    if (successor === undefined || hit.candidate.exactName || moved.has(hit.candidate.id)) continue;
    const at = ranked.findIndex((r, j) => j > i && r.candidate.id === successor);
    if (at < 0) continue;
    moved.add(hit.candidate.id);
    ranked.splice(i, 1);
    ranked.splice(at, 0, { ...hit, notes: [...hit.notes, SUCCESSOR_NOTE] });
    i -= 1;
  }
  return ranked;
}
