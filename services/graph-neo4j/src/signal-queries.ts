/*
 * Every Cypher text of the signals half (ADR 0010). Shape:
 *   (:UsageReport {key, product, consumer, port, at, count})   once per report key
 *   (:Usage {key, product, consumer, firstUsedAt, lastUsedAt, uses})   summed per (product, consumer)
 *   (:Rating {key, product, consumer, team, stars, comment, at, times})   current rating, `times` of all
 *   (:SloCheck {key, product, guarantee, passed, value, at})   once per check key
 * A read-modify-write first takes the node's write lock (`SET _lock … REMOVE`), as counters do,
 * so concurrent reports never lose an update under read-committed isolation.
 */

/** Stores each report once by key and adds the new ones to their consumer's sum; `created` per report, in order. */
export const RECORD_USAGE = `UNWIND range(0, size($reports) - 1) AS i
WITH i, $reports[i] AS x
MERGE (r:UsageReport {key: x.key})
ON CREATE SET r.product = x.product, r.consumer = x.consumer, r.port = x.port, r.at = x.at, r.count = x.count, r._new = true
WITH i, x, r, r._new IS NOT NULL AS created
REMOVE r._new
WITH i, x, created
CALL {
  WITH x, created
  WITH x WHERE created
  MERGE (u:Usage {key: x.usageKey})
  ON CREATE SET u.product = x.product, u.consumer = x.consumer, u.firstUsedAt = x.at, u.lastUsedAt = x.at, u.uses = 0
  SET u._lock = true REMOVE u._lock
  WITH u, x
  SET u.uses = u.uses + x.count,
      u.firstUsedAt = CASE WHEN x.at < u.firstUsedAt THEN x.at ELSE u.firstUsedAt END,
      u.lastUsedAt = CASE WHEN x.at > u.lastUsedAt THEN x.at ELSE u.lastUsedAt END
}
RETURN created ORDER BY i`;

/** Sets a consumer's current rating unless it is the same; `created` and `same` say which. */
export const PUT_RATING = `MERGE (r:Rating {key: $key})
ON CREATE SET r.product = $product, r.consumer = $consumer, r.times = [], r._new = true
SET r._lock = true REMOVE r._lock
WITH r, r._new IS NOT NULL AS created
REMOVE r._new
WITH r, created, (NOT created AND r.stars = $stars AND coalesce(r.comment, '') = coalesce($comment, '')) AS same
FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END |
  SET r.team = $team, r.stars = $stars, r.comment = $comment, r.at = $at, r.times = r.times + $at)
RETURN created, same`;

/** Stores each check once by key; `created` per check, in order. */
export const RECORD_SLO_CHECKS = `UNWIND range(0, size($checks) - 1) AS i
WITH i, $checks[i] AS x
MERGE (c:SloCheck {key: x.key})
ON CREATE SET c.product = x.product, c.guarantee = x.guarantee, c.passed = x.passed, c.value = x.value, c.at = x.at, c._new = true
WITH i, c, c._new IS NOT NULL AS created
REMOVE c._new
RETURN created ORDER BY i`;

// Each read in two closed forms: the products asked for (index seeks), or every one.
const some = (label: string, variable: string) => `UNWIND $products AS product MATCH (${variable}:${label} {product: product})`;
const every = (label: string, variable: string) => `MATCH (${variable}:${label})`;
const reads = (match: (label: string, variable: string) => string) => ({
  usage: `${match('Usage', 'u')} RETURN u.product AS product, u.consumer AS consumer, u.firstUsedAt AS firstUsedAt,
    u.lastUsedAt AS lastUsedAt, u.uses AS uses ORDER BY product, consumer`,
  ratings: `${match('Rating', 'r')} WHERE r.stars IS NOT NULL RETURN r.product AS product, r.consumer AS consumer, r.team AS team,
    r.stars AS stars, r.comment AS comment, r.at AS at, r.times AS times ORDER BY product, consumer`,
  checks: `${match('SloCheck', 'c')} WHERE c.at >= $since RETURN c.product AS product, c.guarantee AS guarantee,
    c.passed AS passed, c.value AS value, c.at AS at ORDER BY product, at, guarantee`,
});

/** The signal reads, for some products or for all. */
export const READ_SIGNALS = { some: reads(some), every: reads(every) };

/** The reports of the products asked for from `$since` on (seeks quanta_usage_report_product), by product, at and key. */
export const READ_USAGE_REPORTS = `UNWIND $products AS product
MATCH (r:UsageReport {product: product}) WHERE r.at >= $since
RETURN r.key AS key, r.product AS product, r.consumer AS consumer, r.port AS port, r.at AS at, r.count AS count
ORDER BY product, at, key`;
