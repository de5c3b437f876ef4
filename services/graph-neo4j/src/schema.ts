import type { Driver } from 'neo4j-driver';

/**
 * Constraints and indexes the adapter relies on, each idempotent (`IF NOT EXISTS`), so every
 * process may apply them at start. Node key constraints are Enterprise-only; a revision's
 * identity is therefore one unique `key` property, `iri + '#' + revision`.
 */
export const SCHEMA_STATEMENTS: readonly string[] = [
  // One node per IRI: also what makes concurrent MERGEs of one IRI create it once.
  'CREATE CONSTRAINT quanta_node_iri IF NOT EXISTS FOR (n:Node) REQUIRE n.iri IS UNIQUE',
  'CREATE CONSTRAINT quanta_product_iri IF NOT EXISTS FOR (p:Product) REQUIRE p.iri IS UNIQUE',
  'CREATE CONSTRAINT quanta_revision_key IF NOT EXISTS FOR (r:Revision) REQUIRE r.key IS UNIQUE',
  'CREATE CONSTRAINT quanta_counter_key IF NOT EXISTS FOR (c:Counter) REQUIRE c.key IS UNIQUE',
  'CREATE INDEX quanta_counter_iri IF NOT EXISTS FOR (c:Counter) ON (c.iri)',
  'CREATE INDEX quanta_revision_iri IF NOT EXISTS FOR (r:Revision) ON (r.iri)',
  'CREATE INDEX quanta_node_owner IF NOT EXISTS FOR (n:Node) ON (n.owner)',
  // Search synonyms start from the concepts rather than from every node (conceptEquivalences).
  'CREATE INDEX quanta_node_kind IF NOT EXISTS FOR (n:Node) ON (n.kind)',
  'CREATE INDEX quanta_rel_owner IF NOT EXISTS FOR ()-[r:REL]-() ON (r.owner)',
  'CREATE INDEX quanta_product_domain IF NOT EXISTS FOR (p:Product) ON (p.domain)',
  'CREATE INDEX quanta_product_owner IF NOT EXISTS FOR (p:Product) ON (p.ownerTeam)',
  'CREATE INDEX quanta_product_status IF NOT EXISTS FOR (p:Product) ON (p.status)',
  // Lineage (ADR 0008): an event is stored once per key; a run id names one run, whose events are
  // read back by run id; a job's latest run is the one with the latest event.
  'CREATE CONSTRAINT quanta_lineage_event_key IF NOT EXISTS FOR (e:LineageEvent) REQUIRE e.key IS UNIQUE',
  'CREATE INDEX quanta_lineage_event_run IF NOT EXISTS FOR (e:LineageEvent) ON (e.runId)',
  'CREATE CONSTRAINT quanta_run_id IF NOT EXISTS FOR (r:Run) REQUIRE r.runId IS UNIQUE',
  'CREATE INDEX quanta_run_job IF NOT EXISTS FOR (r:Run) ON (r.job, r.lastEventAt)',
  // Signals (ADR 0010): each report, check and (product, consumer) pair once; read by product.
  'CREATE CONSTRAINT quanta_usage_report_key IF NOT EXISTS FOR (r:UsageReport) REQUIRE r.key IS UNIQUE',
  'CREATE INDEX quanta_usage_report_product IF NOT EXISTS FOR (r:UsageReport) ON (r.product, r.at)',
  'CREATE CONSTRAINT quanta_usage_key IF NOT EXISTS FOR (u:Usage) REQUIRE u.key IS UNIQUE',
  'CREATE INDEX quanta_usage_product IF NOT EXISTS FOR (u:Usage) ON (u.product)',
  'CREATE CONSTRAINT quanta_rating_key IF NOT EXISTS FOR (r:Rating) REQUIRE r.key IS UNIQUE',
  'CREATE INDEX quanta_rating_product IF NOT EXISTS FOR (r:Rating) ON (r.product)',
  'CREATE CONSTRAINT quanta_slo_check_key IF NOT EXISTS FOR (c:SloCheck) REQUIRE c.key IS UNIQUE',
  'CREATE INDEX quanta_slo_check_product IF NOT EXISTS FOR (c:SloCheck) ON (c.product, c.at)',
  // Insights (issue 7): events read in (at, seq) order; one current nudge per product and kind.
  'CREATE CONSTRAINT quanta_insight_sequence IF NOT EXISTS FOR (s:InsightSequence) REQUIRE s.id IS UNIQUE',
  'CREATE INDEX quanta_insight_event_order IF NOT EXISTS FOR (e:InsightEvent) ON (e.at, e.seq)',
  'CREATE INDEX quanta_insight_event_kind IF NOT EXISTS FOR (e:InsightEvent) ON (e.kind)',
  'CREATE CONSTRAINT quanta_nudge_key IF NOT EXISTS FOR (n:Nudge) REQUIRE n.key IS UNIQUE',
  'CREATE INDEX quanta_nudge_owner IF NOT EXISTS FOR (n:Nudge) ON (n.owner)',
  // The search outbox (ADR 0014): one entry per product, drained oldest first.
  'CREATE CONSTRAINT quanta_search_outbox_iri IF NOT EXISTS FOR (o:SearchOutbox) REQUIRE o.iri IS UNIQUE',
  'CREATE INDEX quanta_search_outbox_age IF NOT EXISTS FOR (o:SearchOutbox) ON (o.enqueuedAt)',
  // API tokens (ADR 0016): found by the hash of their secret, named by their id.
  'CREATE CONSTRAINT quanta_api_token_id IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.id IS UNIQUE',
  'CREATE CONSTRAINT quanta_api_token_hash IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.hash IS UNIQUE',
];

/** Applies {@link SCHEMA_STATEMENTS}, one schema transaction each, and waits until the indexes are online. */
export async function applySchema(driver: Driver, database: string | undefined): Promise<void> {
  const session = driver.session({ database });
  try {
    // Schema changes cannot share a transaction with each other's data reads: auto-commit each.
    for (const statement of SCHEMA_STATEMENTS) await session.run(statement);
    await session.run('CALL db.awaitIndexes(300)');
  } finally {
    await session.close();
  }
}

/** The unique key of one revision node; the revision is the digits after the last `#`, so IRIs with `#` stay unambiguous. */
export function revisionKey(iri: string, revision: number): string {
  return `${iri}#${revision}`;
}

/** The unique key of one counter: NUL cannot occur in an IRI, so `iri` and `name` never blur. */
export function counterKey(iri: string, name: string): string {
  return `${iri}\u0000${name}`;
}
