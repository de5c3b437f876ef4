import { type DuplicateVerdictInput, type Identity, InvalidParameterError, type Iri, NotFoundError, UnavailableError } from '@quanta/model';
import { requireOwner } from './authorization.js';
import type { CatalogDeps } from './deps.js';

/** The state of a pair after an owner's verdict. */
export interface DuplicateVerdictResult {
  readonly a: Iri;
  readonly b: Iri;
  readonly verdict: DuplicateVerdictInput['verdict'];
  /** The pair's band now: `none` while a "not a duplicate" holds. */
  readonly band: 'likely' | 'possible' | 'none';
}

/**
 * Records an owner's verdict on a pair of products (research/ranking.md §B.4.4), audited with the
 * caller's identity and reason; the duplicate groups follow at once.
 * @throws InvalidParameterError when both are the same product
 * @throws NotFoundError when either is not a registered, live product
 * @throws ForbiddenError when the caller does not own the first product
 */
export async function decideDuplicate(deps: CatalogDeps, iri: Iri, other: Iri, input: DuplicateVerdictInput, identity: Identity): Promise<DuplicateVerdictResult> {
  const insights = deps.insights;
  if (!insights) throw new UnavailableError('duplicate detection is not running in this process');
  await insights.settled();
  if (iri === other) {
    throw new InvalidParameterError('a product cannot be a duplicate of itself', [{ pointer: '/path/other', message: 'must name another product' }]);
  }
  for (const p of [iri, other]) if (!insights.factsOf(p)) throw new NotFoundError(`No live data product is registered as ${p}`);
  const team = (await deps.graph.getProduct(iri))?.descriptor.owner.team;
  if (team === undefined) throw new NotFoundError(`No live data product is registered as ${iri}`);
  requireOwner(identity, team, `decide whether ${iri} duplicates another product`);
  await insights.decide(iri, other, input.verdict === 'not-duplicate' ? 'not-duplicate' : 'withdrawn', input.reason, identity);
  const [a, b] = iri < other ? [iri, other] : [other, iri];
  const pair = insights.pairsOf(a).find((p) => p.b === b || p.a === b);
  return { a, b, verdict: input.verdict, band: pair?.band === 'likely' || pair?.band === 'possible' ? pair.band : 'none' };
}
