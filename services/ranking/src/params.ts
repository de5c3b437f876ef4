/**
 * Every ranking parameter, with the defaults of research/ranking.md §B.10: the values its
 * simulation was run with. One object, so a deployment (or an experiment) changes them in one place.
 */
export interface RankingParams {
  /** Exponent on text relevance: `score = relevance^alpha × multiplier`. */
  readonly alpha: number;
  /** Relevance gate: a hit below `relGate × best relevance` gets no boost above ×1. */
  readonly relGate: number;
  /** Lower and upper bound of the combined multiplier, so no winner runs away. */
  readonly mMin: number;
  readonly mMax: number;
  /** Usage (reinforcing loop): `1 + beta × D / (D + pivot)`, D = decayed distinct consumers. */
  readonly usage: { readonly halfLifeDays: number; readonly beta: number; readonly pivotFloor: number; readonly activeFloor: number };
  /** Rating: Bayesian shrinkage to the catalog mean, one current vote per consumer. */
  readonly rating: {
    readonly priorVotes: number;
    readonly halfLifeDays: number;
    readonly beta: number;
    readonly min: number;
    readonly max: number;
    /** Votes of one team count as at most this many. */
    readonly teamCap: number;
    /** The catalog mean when nobody has rated anything yet. */
    readonly neutralMean: number;
    /** This many votes within `burstHours` flag a burst. */
    readonly burstVotes: number;
    readonly burstHours: number;
  };
  /** SLO: the worst guarantee's error-budget burn, failures fading with a half-life. */
  readonly slo: {
    readonly halfLifeDays: number;
    readonly windowDays: number;
    readonly beta: number;
    readonly floor: number;
    /** Pseudo-checks failing exactly at budget, so sparse history starts at burn 1. */
    readonly priorChecks: number;
    /** Target of a guarantee that declares none. */
    readonly defaultTarget: number;
    /** Factor of a product that declares no guarantee. */
    readonly undeclared: number;
  };
  /** Balancing loop: a non-canonical likely duplicate, after a grace period. */
  readonly duplicate: { readonly factor: number; readonly graceDays: number };
  readonly lifecycle: { readonly flagged: number; readonly deprecated: number };
  /** Exploration: optimism for new products seen by few searchers, and the ε-slot at position 3. */
  readonly explore: {
    readonly beta: number;
    readonly n0: number;
    readonly maxAgeDays: number;
    /** At most this many products of one team explore at once. */
    readonly perTeam: number;
    readonly epsilon: number;
    readonly slot: number;
    /** Only products within this share of the best relevance may take the slot. */
    readonly slotRelevance: number;
  };
  /** Duplicate detection and the garbage-collection rules of §B.4 and §B.5. */
  readonly duplicates: {
    /** Weight of each kind of evidence in `Σ w·S / Σ_available w`. */
    readonly weights: { readonly schema: number; readonly lineage: number; readonly semantics: number; readonly text: number };
    /** A pair at or above this score, with enough independent evidence, is a likely duplicate. */
    readonly likely: number;
    /** A pair at or above this score is a possible overlap ("similar products", no demotion). */
    readonly possible: number;
    /** A kind of evidence (schema, lineage, semantics) counts towards "likely" at or above this… */
    readonly evidence: number;
    /** …and a likely duplicate needs this many such kinds. */
    readonly evidenceKinds: number;
    /** A group whose average pairwise score is below this is split (complete link) to stop chaining. */
    readonly groupAverage: number;
    /** Two columns match at this normalised Levenshtein similarity (Valentine's default). */
    readonly columnSimilarity: number;
    /** Lineage bonus for a near-identity derivative: one is upstream of the other and contain ≥ derivativeContain. */
    readonly derivativeBonus: number;
    readonly derivativeContain: number;
    /** MinHash-LSH over column signatures: perms ≥ bands × rows; the seed fixes the hash functions. */
    readonly lsh: { readonly perms: number; readonly bands: number; readonly rows: number; readonly seed: number };
    /** Candidate blocks (an LSH bucket, a shared upstream or concept) larger than this are skipped. */
    readonly blockCap: number;
    /** A challenger replaces the canonical only when its quality is this share higher. */
    readonly hysteresis: number;
    /** §B.4.3: the retirement flag. */
    readonly retirement: {
      readonly minAgeDays: number;
      /** D (decayed active consumers) must be below this. */
      readonly maxConsumers: number;
      /** "Confidently poor": the rating's upper bound R̄ + z·sd/√(m + Σw) is below this. */
      readonly ratingUpper: number;
      readonly z: number;
      /** Per-vote standard deviation of stars assumed by the bound (ranking_sim.py's 1.2). */
      readonly sd: number;
      /** Consecutive weekly evaluations the condition must hold. */
      readonly weeks: number;
    };
  };
}

/** The defaults the simulation in research/ranking.md was run with (§B.10). */
export const DEFAULT_RANKING_PARAMS: RankingParams = Object.freeze({
  alpha: 2,
  relGate: 0.6,
  mMin: 0.25,
  mMax: 2,
  usage: { halfLifeDays: 30, beta: 0.25, pivotFloor: 2, activeFloor: 0.5 },
  rating: { priorVotes: 5, halfLifeDays: 180, beta: 0.6, min: 0.6, max: 1.35, teamCap: 3, neutralMean: 3, burstVotes: 10, burstHours: 24 },
  slo: { halfLifeDays: 14, windowDays: 56, beta: 0.35, floor: 0.5, priorChecks: 10, defaultTarget: 0.95, undeclared: 0.95 },
  duplicate: { factor: 0.75, graceDays: 56 },
  lifecycle: { flagged: 0.6, deprecated: 0.25 },
  explore: { beta: 0.5, n0: 30, maxAgeDays: 90, perTeam: 3, epsilon: 0.1, slot: 3, slotRelevance: 0.8 },
  duplicates: {
    weights: { schema: 0.35, lineage: 0.3, semantics: 0.2, text: 0.15 },
    likely: 0.8,
    possible: 0.65,
    evidence: 0.6,
    evidenceKinds: 2,
    groupAverage: 0.7,
    columnSimilarity: 0.8,
    derivativeBonus: 0.2,
    derivativeContain: 0.9,
    // 32 bands of 4 rows: the S-curve 1 − (1 − s⁴)³² crosses ½ near (1/32)^(1/4) ≈ 0.42, a little
    // below §B.5.9's 0.5 on purpose: a missed duplicate is never scored, a false candidate costs one
    // exact score.
    lsh: { perms: 128, bands: 32, rows: 4, seed: 0x5eed },
    blockCap: 200,
    hysteresis: 0.1,
    retirement: { minAgeDays: 90, maxConsumers: 1, ratingUpper: 3, z: 1.65, sd: 1.2, weeks: 4 },
  },
});

/** One day in milliseconds: every time in the ranking package is epoch milliseconds. */
export const DAY_MS = 86_400_000;

/** The weight of evidence `ageMs` old with a half-life of `halfLifeDays`: 1 now, ½ one half-life ago. */
export function decay(ageMs: number, halfLifeDays: number): number {
  return Math.pow(2, -Math.max(0, ageMs) / (halfLifeDays * DAY_MS));
}

/** `x` bounded to [lo, hi]. */
export const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** A multiplier as users read it: `×1.20`. */
export const times = (value: number): string => `×${value.toFixed(2)}`;
