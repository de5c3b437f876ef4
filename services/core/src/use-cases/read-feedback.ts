import type { Iri, RankingFactor } from '@quanta/model';
import { boundedMultiplier, burns, DAY_MS, decayedConsumers } from '@quanta/ranking';
import type { CatalogDeps } from './deps.js';

/** A consumer's current rating, as the feedback subgraph shows it. */
export interface RatingView {
  readonly consumer: Iri;
  readonly team: string;
  readonly stars: number;
  readonly at: string;
  /** Whether the consumer has recorded use; unverified votes carry no weight. */
  readonly verified: boolean;
}

/** How one declared guarantee holds over the SLO window. */
export interface SloStatusView {
  readonly guarantee: string;
  readonly target?: number;
  /** Error-budget burn: 1 is failing exactly as often as the target allows. */
  readonly burn: number;
  readonly checks: number;
  readonly failed: number;
}

/** Everything feedback ranking knows of one product, as of the last refresh. */
export interface ProductFeedbackView {
  readonly product: Iri;
  /** The bounded product of the factors: what search multiplies text relevance by. */
  readonly multiplier: number;
  readonly factors: readonly RankingFactor[];
  readonly ratings: readonly RatingView[];
  /** Distinct consumers on record, and the decayed count the usage factor reads. */
  readonly consumers: number;
  readonly activeConsumers: number;
  readonly slos: readonly SloStatusView[];
}

/**
 * The feedback of many products from the in-memory projection (no graph read), in the order
 * asked; undefined where the projection does not know the product, or runs without feedback.
 */
export function readFeedback(deps: CatalogDeps, iris: readonly Iri[]): (ProductFeedbackView | undefined)[] {
  const projection = deps.feedback;
  if (!projection) return iris.map(() => undefined);
  const now = deps.clock.now();
  const { params } = projection;
  return iris.map((iri) => {
    const signals = projection.signalsOf(iri);
    const factors = projection.all.get(iri)?.factors;
    if (!signals || !factors) return undefined;
    const burned = new Map(burns(signals, now, params).map((b) => [b.guarantee, b.burn]));
    const windowStart = now - params.slo.windowDays * DAY_MS;
    return {
      product: iri,
      multiplier: boundedMultiplier(factors, params),
      factors,
      ratings: signals.ratings.map((r) => ({ consumer: r.consumer, team: r.team, stars: r.stars, at: new Date(r.at).toISOString(), verified: r.verified })),
      consumers: signals.consumers.length,
      activeConsumers: decayedConsumers(signals, now, params),
      slos: signals.guarantees.map((g) => {
        const checks = signals.checks.filter((c) => c.guarantee === g.name && c.at >= windowStart && c.at <= now);
        return { guarantee: g.name, ...(g.target !== undefined && { target: g.target }), burn: burned.get(g.name) ?? 0, checks: checks.length, failed: checks.filter((c) => !c.passed).length };
      }),
    };
  });
}
