import { UnavailableError } from '@quanta/model';
import type { CatalogDeps } from './deps.js';

/** What a full run of duplicate detection found, and how long it took. */
export interface DetectionReport {
  readonly products: number;
  readonly pairs: number;
  readonly likely: number;
  readonly groups: number;
  readonly flagged: number;
  readonly millis: number;
}

/**
 * Runs the balancing loop over the whole mesh now, as its schedule would: the feedback scores
 * first (canonicals are chosen by them, flags read their signals), then duplicate detection,
 * retirement flags and nudges. For operators, and for a loader that has just sent history.
 * @throws UnavailableError when this process runs no duplicate detection
 */
export async function detectDuplicates(deps: CatalogDeps): Promise<DetectionReport> {
  const insights = deps.insights;
  if (!insights) throw new UnavailableError('duplicate detection is not running in this process');
  const started = performance.now();
  await insights.settled();
  await deps.feedback?.rebuild();
  await insights.rebuild();
  const pairs = insights.allPairs;
  const products = [...insights.products()];
  return {
    products: products.length,
    pairs: pairs.length,
    likely: pairs.filter((p) => p.band === 'likely').length,
    groups: insights.duplicateGroups.length,
    flagged: products.filter((iri) => insights.flaggedForRetirement(iri)).length,
    millis: Math.round(performance.now() - started),
  };
}
