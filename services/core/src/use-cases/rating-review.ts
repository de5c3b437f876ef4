import { type Identity, type Iri, NotFoundError, type RatingReviewInput } from '@quanta/model';
import { VoidedRatings } from '../feedback/voided-ratings.js';
import type { RatingReviewEvent } from '../ports/insight-graph.js';
import type { RatingRecord } from '../ports/signal-graph.js';
import { productPages } from '../projections/catalog-pages.js';
import type { CatalogDeps } from './deps.js';
import { requireAdmin } from './identities.js';

/**
 * Serial voting (research/perf-reliability.md R3, Stack Exchange's "serial voting reversal"):
 * more than SERIAL_THRESHOLD ratings from one consumer on one owner team's products within
 * SERIAL_WINDOW_MINUTES. Such a burst is flagged for an admin, who may void it; voiding is
 * reversible, and both are kept with who and why.
 */
export const SERIAL_WINDOW_MINUTES = 10;
export const SERIAL_THRESHOLD = 5;

/** One flagged burst: a consumer's ratings of one team's products, close together. */
export interface RatingBurst {
  readonly consumer: Iri;
  readonly owner: string;
  readonly from: string;
  readonly to: string;
  readonly ratings: readonly { readonly product: Iri; readonly stars: number; readonly at: string }[];
  /** Whether an admin voided these ratings (and has not restored them). */
  readonly voided: boolean;
}

/** The bursts found in the current ratings, and every review so far: the audit trail. */
export interface RatingBurstReport {
  readonly windowMinutes: number;
  readonly threshold: number;
  readonly bursts: readonly RatingBurst[];
  readonly reviews: readonly RatingReviewEvent[];
}

/** Every live product's owner team, and every product's current ratings. */
async function ratingsByOwner(deps: CatalogDeps, owner?: string): Promise<{ ownerOf: Map<Iri, string>; ratings: RatingRecord[] }> {
  const ownerOf = new Map<Iri, string>();
  for await (const products of productPages(deps.graph, owner === undefined ? {} : { owner })) {
    for (const p of products) ownerOf.set(p.iri, p.descriptor.owner.team);
  }
  if (ownerOf.size === 0) return { ownerOf, ratings: [] };
  // Ratings have no window of their own (one current rating per consumer); `since` bounds checks only.
  const records = await deps.graph.readSignals(owner === undefined ? undefined : [...ownerOf.keys()], new Date(deps.clock.now()).toISOString());
  return { ownerOf, ratings: records.flatMap((r) => r.ratings).filter((r) => ownerOf.has(r.product)) };
}

/**
 * The serial-voting bursts in the current ratings (GET /api/v1/admin/rating-bursts): each
 * consumer's ratings per owner team, in time order; every run of more than SERIAL_THRESHOLD
 * within SERIAL_WINDOW_MINUTES is flagged, overlapping runs merged into one burst.
 */
export async function ratingBursts(deps: CatalogDeps, identity: Identity): Promise<RatingBurstReport> {
  requireAdmin(identity, 'review rating bursts');
  const { ownerOf, ratings } = await ratingsByOwner(deps);
  const { reviews, voided } = await VoidedRatings.read(deps.graph);
  const groups = new Map<string, { consumer: Iri; owner: string; ratings: RatingRecord[] }>();
  for (const r of ratings) {
    const owner = ownerOf.get(r.product) as string;
    const key = `${r.consumer}\n${owner}`;
    const group = groups.get(key);
    if (group) group.ratings.push(r);
    else groups.set(key, { consumer: r.consumer, owner, ratings: [r] });
  }
  const bursts: RatingBurst[] = [];
  const span = SERIAL_WINDOW_MINUTES * 60_000;
  for (const { consumer, owner, ratings: group } of groups.values()) {
    const sorted = group.sort((a, b) => a.at.localeCompare(b.at));
    const flagged = new Set<number>();
    for (let i = 0, j = 0; i < sorted.length; i++) {
      while (j + 1 < sorted.length && Date.parse((sorted[j + 1] as RatingRecord).at) - Date.parse((sorted[i] as RatingRecord).at) <= span) j++;
      if (j - i + 1 > SERIAL_THRESHOLD) for (let k = i; k <= j; k++) flagged.add(k);
    }
    if (flagged.size === 0) continue;
    const members = sorted.filter((_, k) => flagged.has(k));
    bursts.push({
      consumer,
      owner,
      from: (members[0] as RatingRecord).at,
      to: (members.at(-1) as RatingRecord).at,
      ratings: members.map((r) => ({ product: r.product, stars: r.stars, at: r.at })),
      voided: members.every((r) => voided.has(r.product, r.consumer)),
    });
  }
  bursts.sort((a, b) => b.to.localeCompare(a.to));
  return { windowMinutes: SERIAL_WINDOW_MINUTES, threshold: SERIAL_THRESHOLD, bursts, reviews };
}

/**
 * An admin's review (POST /api/v1/admin/rating-reviews): `void` takes every current rating of the
 * consumer on the team's products out of ranking; `restore` puts back those voided. The ratings
 * stay stored either way, and the review is appended to the audit trail with its actor and reason.
 * @throws NotFoundError when there is nothing to void or restore
 */
export async function reviewRatings(deps: CatalogDeps, input: RatingReviewInput, identity: Identity): Promise<RatingReviewEvent> {
  requireAdmin(identity, 'review ratings');
  const { ratings } = await ratingsByOwner(deps, input.owner);
  const { voided } = await VoidedRatings.read(deps.graph);
  // Voiding takes the ratings still counted; restoring, those voided.
  const products = ratings.filter((r) => r.consumer === input.consumer && voided.has(r.product, r.consumer) === (input.verdict === 'restore')).map((r) => r.product);
  if (products.length === 0) {
    const what = input.verdict === 'void' ? 'no counted ratings' : 'no voided ratings';
    throw new NotFoundError(`${input.consumer} has ${what} of team ${input.owner}'s products`);
  }
  const event: RatingReviewEvent = {
    kind: input.verdict === 'void' ? 'ratings-voided' : 'ratings-restored',
    consumer: input.consumer,
    owner: input.owner,
    products: [...products].sort(),
    reason: input.reason,
    actor: identity.subject,
    at: new Date(deps.clock.now()).toISOString(),
  };
  await deps.graph.appendInsightEvents([event]);
  await deps.feedback?.review(event);
  return event;
}
