/**
 * The weekly feedback job of the proposed policy: the simulated evidence becomes the real
 * `ProductSignals` and goes through the real `@quanta/ranking` factors. The job also plays the
 * insights work that §B.4 specifies but services/ranking leaves to its callers: choosing each
 * duplicate group's canonical product (which fills `duplicateOf`) and the retirement flag (which
 * fills `flaggedForRetirement`). Those two rules follow ranking_sim.py; the factors themselves are
 * only ever computed by the shipped code.
 */
import {
  catalogFeedback,
  catalogStats,
  DAY_MS,
  decayedConsumers,
  explorers,
  type Feedback,
  type ProductSignals,
  type RankingParams,
  ratingFactor,
  shrunkRating,
  sloFactor,
  usageFactor,
} from '@quanta/ranking';
import { GUARANTEE, liveMembers, roundStart, type Product, type World } from './world.js';

/** What the search of one week reads: it changes only when the job runs again. */
export interface WeeklyFeedback {
  /** Every product's factors, as search's re-ranker takes them. */
  readonly feedback: ReadonlyMap<string, Feedback>;
  /** The same without the exploration bonus: the rank a product has earned (time-to-top). */
  readonly earned: ReadonlyMap<string, Feedback>;
  /** Products exploring now (quality gate and team quota, as `explorers` decides). */
  readonly exploring: ReadonlySet<string>;
}

/**
 * What the factors read of a simulated product, as services/core's productSignals builds it from
 * the graph: epoch-ms times, one ConsumerUse per consumer with its latest read, current votes, the
 * daily checks of its one guarantee, its examinations so far. A retired product stays in the
 * catalog (as in ranking_sim.py, its use and ratings still count towards the catalog's median
 * and mean) but never explores and is never searched.
 */
export function signalsOf(w: World, p: Product): ProductSignals {
  return {
    id: p.id,
    name: p.id,
    ownerTeam: p.ownerTeam,
    status: p.alive ? 'active' : 'retired',
    createdAt: roundStart(p.createdRound),
    consumers: Array.from(p.lastRead, ([c, round]) => ({ consumer: (w.consumers[c] as { id: string }).id, lastUsedAt: roundStart(round) })),
    ratings: [...p.ratings.values()],
    guarantees: [{ name: GUARANTEE, target: w.params.sloTarget }],
    checks: p.checks,
    examinations: p.examinations,
  };
}

/**
 * The rating's upper bound for "confidently poor" (§B.4.3), as ranking_sim.py computes it: the
 * shrunk mean R̄ (same votes, decay and team cap as the shipped rating factor) plus z·sd/√(m + Σw).
 * With no counted vote nothing is known, so it is the top of the scale.
 */
export function ratingUpperBound(s: ProductSignals, now: number, catalogMean: number, w: World, params: RankingParams): number {
  const { mean, weight, votes } = shrunkRating(s.ratings, now, catalogMean, params);
  if (votes.length === 0) return 5;
  return mean + (w.params.ratingZ * w.params.ratingSd) / Math.sqrt(params.rating.priorVotes + weight);
}

/** The feedback job, with the state it keeps between weeks (the canonical of each group). */
export class FeedbackJob {
  /** need → its canonical product, kept with hysteresis (§B.4.2). */
  private readonly canonical = new Map<number, number>();

  constructor(
    private readonly w: World,
    private readonly params: RankingParams,
  ) {}

  /** Runs the job at the start of `round`, on the evidence up to the end of the previous round. */
  run(round: number): WeeklyFeedback {
    const { w, params } = this;
    const now = roundStart(round);
    const base = w.products.map((p) => signalsOf(w, p));
    const stats = catalogStats(base, now, params);

    // §B.4.2: the canonical is the member with the highest feedback prior Q = M_use·M_rate·M_slo,
    // taken from the shipped factors; a challenger must beat the incumbent by 10%. Groups are the
    // needs (the toy's duplicates are exact), and only groups with two live members have one.
    const prior = base.map((s) => usageFactor(s, now, stats, params).value * ratingFactor(s, now, stats, params).value * sloFactor(s, now, params).value);
    const q = (i: number) => prior[i] as number;
    const loser = new Set<number>();
    for (let t = 0; t < w.params.nTopics; t++) {
      const members = liveMembers(w, t);
      if (members.length < 2) continue;
      const best = members.reduce((b, i) => (q(i) > q(b) ? i : b));
      const inc = this.canonical.get(t);
      if (inc === undefined || !(w.products[inc] as Product).alive || q(best) > w.params.canonicalHysteresis * q(inc)) this.canonical.set(t, best);
      for (const i of members) if (i !== this.canonical.get(t)) loser.add(i);
    }

    // §B.4.3: flag for retirement what is old enough, has less than one effective active consumer,
    // and is superseded (a non-canonical duplicate) or confidently poor, once that has held for
    // gcFlagWeeks consecutive weeks. God products are never flagged (ranking_sim.py).
    for (const p of w.products) {
      if (!p.alive || p.broad) continue;
      const s = base[p.index] as ProductSignals;
      const old = now - s.createdAt >= w.params.gcMinAgeDays * DAY_MS;
      const unused = decayedConsumers(s, now, params) < w.params.gcMaxConsumers;
      const superseded = loser.has(p.index) || ratingUpperBound(s, now, stats.ratingMean, w, params) < w.params.gcPoorRating;
      p.gcWeeks = old && unused && superseded ? p.gcWeeks + 1 : 0;
    }

    const signals = base.map((s, i): ProductSignals => {
      const p = w.products[i] as Product;
      const canonical = this.canonical.get(p.topic);
      // The duplicate score only reaches the factor's sentence; the toy's groups are exact.
      const duplicateOf = loser.has(i) && canonical !== undefined ? { canonical: (w.products[canonical] as Product).id, name: (w.products[canonical] as Product).id, score: 1 } : undefined;
      return { ...s, ...(duplicateOf && { duplicateOf }), flaggedForRetirement: p.alive && p.gcWeeks >= w.params.gcFlagWeeks };
    });
    const feedback = catalogFeedback(signals, now, params);
    const earned = new Map(Array.from(feedback, ([id, f]) => [id, { factors: f.factors.filter((x) => x.name !== 'new') }]));
    return { feedback, earned, exploring: explorers(signals, now, params) };
  }
}
