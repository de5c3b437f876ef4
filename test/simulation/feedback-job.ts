/**
 * The weekly feedback job of the proposed policy: the simulated evidence becomes the real
 * `ProductSignals` and goes through the real `@quanta/ranking` factors. The job also plays the
 * insights work of §B.4: choosing each duplicate group's canonical product (which fills
 * `duplicateOf`) and the retirement flag (which fills `flaggedForRetirement`), both through the
 * shipped rules (`chooseCanonical`, `retirementCondition`, `flaggedForRetirement`) with
 * ranking_sim.py's settings. The groups are the toy's needs, which are exact duplicates.
 */
import {
  catalogFeedback,
  catalogStats,
  chooseCanonical,
  DAY_MS,
  decayedConsumers,
  explorers,
  type Feedback,
  flaggedForRetirement,
  type ProductSignals,
  type RankingParams,
  ratingFactor,
  ratingUpperBound,
  retirementCondition,
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
 * The ranking parameters with the simulation's own settings for canonical choice and retirement
 * (ranking_sim.py's: hysteresis ×1.1, z = 1.64, sd = 1.2, and its age, consumer, rating and week
 * thresholds), so the shipped rules run exactly as the simulation specifies them.
 */
function withSimRules(w: World, params: RankingParams): RankingParams {
  const s = w.params;
  return {
    ...params,
    duplicates: {
      ...params.duplicates,
      hysteresis: s.canonicalHysteresis - 1,
      retirement: { minAgeDays: s.gcMinAgeDays, maxConsumers: s.gcMaxConsumers, ratingUpper: s.gcPoorRating, z: s.ratingZ, sd: s.ratingSd, weeks: s.gcFlagWeeks },
    },
  };
}

/** A key per product that sorts as the indices do, so a tie in quality goes to the older product, as in ranking_sim.py. */
const key = (i: number): string => String(i).padStart(8, '0');

/** The feedback job, with the state it keeps between weeks: each group's canonical, each product's recent retirement conditions. */
export class FeedbackJob {
  /** need → its canonical product, kept with hysteresis (§B.4.2). */
  private readonly canonical = new Map<number, number>();
  /** product → the retirement condition at each weekly run so far, oldest first (§B.4.3). */
  private readonly weekly = new Map<number, boolean[]>();
  private readonly rules: RankingParams;

  constructor(
    private readonly w: World,
    private readonly params: RankingParams,
  ) {
    this.rules = withSimRules(w, params);
  }

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
    const loser = new Set<number>();
    for (let t = 0; t < w.params.nTopics; t++) {
      const members = liveMembers(w, t);
      if (members.length < 2) continue;
      const inc = this.canonical.get(t);
      const { canonical } = chooseCanonical(
        members.map((i) => ({ id: key(i), quality: prior[i] as number })),
        inc === undefined ? undefined : key(inc),
        undefined,
        this.rules,
      );
      this.canonical.set(t, Number(canonical));
      for (const i of members) if (i !== this.canonical.get(t)) loser.add(i);
    }

    // §B.4.3: flag for retirement what is old enough, has less than one effective active consumer,
    // and is superseded (a non-canonical duplicate) or confidently poor, once that has held for
    // gcFlagWeeks consecutive weeks. God products are never flagged (ranking_sim.py). gcWeeks, the
    // same streak as a count, is what the simulated owners' nudges read.
    for (const p of w.products) {
      if (!p.alive || p.broad) continue;
      const s = base[p.index] as ProductSignals;
      const { holds } = retirementCondition(
        {
          ageDays: (now - s.createdAt) / DAY_MS,
          activeConsumers: decayedConsumers(s, now, params),
          nonCanonicalDuplicate: loser.has(p.index),
          ratingUpper: ratingUpperBound(s.ratings, now, stats.ratingMean, this.rules),
        },
        this.rules,
      );
      const weeks = this.weekly.get(p.index) ?? [];
      weeks.push(holds);
      if (weeks.length > w.params.gcFlagWeeks) weeks.shift();
      this.weekly.set(p.index, weeks);
      p.gcWeeks = holds ? p.gcWeeks + 1 : 0;
    }

    const signals = base.map((s, i): ProductSignals => {
      const p = w.products[i] as Product;
      const canonical = this.canonical.get(p.topic);
      // The duplicate score only reaches the factor's sentence; the toy's groups are exact.
      const duplicateOf = loser.has(i) && canonical !== undefined ? { canonical: (w.products[canonical] as Product).id, name: (w.products[canonical] as Product).id, score: 1 } : undefined;
      return { ...s, ...(duplicateOf && { duplicateOf }), flaggedForRetirement: p.alive && flaggedForRetirement(this.weekly.get(i) ?? [], this.rules) };
    });
    const feedback = catalogFeedback(signals, now, params);
    const earned = new Map(Array.from(feedback, ([id, f]) => [id, { factors: f.factors.filter((x) => x.name !== 'new') }]));
    return { feedback, earned, exploring: explorers(signals, now, params) };
  }
}
