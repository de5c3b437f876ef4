/**
 * The ranking policies compared in research/ranking.md §C.2. The baselines are a line each; the
 * proposed policy and its ablations are the shipped `@quanta/ranking` code (factors, `rerank`,
 * `withExplorationSlot`), the ablations being nothing more than changed RankingParams.
 */
import { DEFAULT_RANKING_PARAMS, type Feedback, rerank, type Ranked, type RankingParams, withExplorationSlot } from '@quanta/ranking';
import { FeedbackJob, type WeeklyFeedback } from './feedback-job.js';
import type { Product, World } from './world.js';

/** Every policy, in the order the table prints them. */
export const POLICIES = ['text', 'rawpop', 'naive', 'proposed_noexplore', 'proposed_nogate', 'proposed'] as const;

/** A policy's name. */
export type PolicyName = (typeof POLICIES)[number];

/** What one week's searches see: rankings change only when the weekly feedback job runs. */
export interface WeekRanking {
  /** The results page for a search of `topic` (product indices, best first); may be randomised (ε-slot). */
  search(topic: number): readonly number[];
  /** The #1 for `topic` on earned signals alone: no exploration bonus, no ε-slot (time-to-top). */
  earnedTop(topic: number): number | undefined;
}

/** A ranking policy over one simulated world. */
export interface Policy {
  readonly name: PolicyName;
  /** Whether the balancing loop nudges owners of flagged products to retire them. */
  readonly nudges: boolean;
  /** Runs the week's feedback job (if any) and returns the week's ranking. */
  week(round: number): WeekRanking;
}

/** Live products that match a search of `topic`: its group and every god product, in registration order. */
export function candidates(w: World, topic: number): number[] {
  const out: number[] = [];
  for (const i of [...(w.byTopic[topic] ?? []), ...w.broad].sort((a, b) => a - b)) if ((w.products[i] as Product).alive) out.push(i);
  return out;
}

/** Reads in the last 4 rounds (≈30 days), the raw count Amundsen's legacy proxy multiplies by. */
const reads30 = (p: Product): number => p.weeklyReads.slice(-4).reduce((s, x) => s + x, 0);

/** The mean of every vote, fake ones included, as a naive catalog shows it (3 when unrated). */
function naiveStars(p: Product): number {
  if (p.ratings.size === 0) return 3;
  let sum = 0;
  for (const v of p.ratings.values()) sum += v.stars;
  return sum / p.ratings.size;
}

/** A baseline: a fixed score per product, highest first, ties in registration order. */
function scored(w: World, name: PolicyName, score: (p: Product) => number): Policy {
  return {
    name,
    nudges: false,
    week() {
      // Scores as of the week's start (ratings given during the week count from next week).
      const scores = w.products.map(score);
      const pages = new Map<number, number[]>();
      const page = (topic: number): number[] => {
        let hit = pages.get(topic);
        if (!hit) {
          const cands = candidates(w, topic).map((i) => ({ i, s: scores[i] as number }));
          hit = cands
            .sort((a, b) => b.s - a.s || a.i - b.i)
            .slice(0, w.params.pageSize)
            .map((c) => c.i);
          pages.set(topic, hit);
        }
        return hit;
      };
      return { search: page, earnedTop: (topic) => page(topic)[0] };
    },
  };
}

/** A search candidate that remembers which simulated product it is. */
interface SimCandidate {
  readonly id: string;
  readonly relevance: number;
  readonly index: number;
}

/**
 * The proposed ranking: the weekly feedback job, then per search `rerank` over the candidates,
 * the first page cut, and `withExplorationSlot` on it, as services/core's searchProducts does.
 * A product may take the slot while it explores and has fewer than n0 examinations (the
 * projection's mayTakeSlot), read live, since production flushes impressions within minutes.
 */
function proposed(w: World, name: PolicyName, params: RankingParams): Policy {
  const job = new FeedbackJob(w, params);
  const rank = (topic: number, feedback: ReadonlyMap<string, Feedback>): Ranked<SimCandidate>[] =>
    rerank(
      candidates(w, topic).map((i) => ({ id: (w.products[i] as Product).id, relevance: (w.products[i] as Product).rel, index: i })),
      feedback,
      params,
    );
  return {
    name,
    nudges: true,
    week(round) {
      const fb: WeeklyFeedback = job.run(round);
      // The re-ranked first page is the same for every search of a need within the week.
      const pages = new Map<number, Ranked<SimCandidate>[]>();
      const mayTakeSlot = (c: SimCandidate) => fb.exploring.has(c.id) && (w.products[c.index] as Product).examinations < params.explore.n0;
      const random = () => w.rng.next();
      return {
        search(topic) {
          let page = pages.get(topic);
          if (!page) {
            page = rank(topic, fb.feedback).slice(0, w.params.pageSize);
            pages.set(topic, page);
          }
          return withExplorationSlot(page, mayTakeSlot, random, params).ranked.map((r) => r.candidate.index);
        },
        earnedTop: (topic) => rank(topic, fb.earned)[0]?.candidate.index,
      };
    },
  };
}

/**
 * Builds a policy. `ranking` are the shipped defaults unless an experiment overrides them; the
 * ablations change only what their name says: no exploration (β_e = 0 and no ε-slot), no
 * relevance gate (ρ = 0, so no candidate is ever below it).
 */
export function createPolicy(name: PolicyName, w: World, ranking: RankingParams = DEFAULT_RANKING_PARAMS): Policy {
  switch (name) {
    case 'text':
      return scored(w, name, (p) => p.rel);
    case 'rawpop':
      return scored(w, name, (p) => p.rel * Math.log2(2 + reads30(p)));
    case 'naive':
      return scored(w, name, (p) => p.rel * Math.log2(2 + reads30(p)) * (naiveStars(p) / 5));
    case 'proposed':
      return proposed(w, name, ranking);
    case 'proposed_noexplore':
      return proposed(w, name, { ...ranking, explore: { ...ranking.explore, beta: 0, epsilon: 0 } });
    case 'proposed_nogate':
      return proposed(w, name, { ...ranking, relGate: 0 });
  }
}
