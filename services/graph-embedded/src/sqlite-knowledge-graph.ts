import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import {
  assertCounterDelta,
  assertOwnable,
  judgeRevision,
  assertOwnEdges,
  assertValidBatch,
  type BatchItemResult,
  type SameAsLink,
  type CounterIncrement,
  type InsightEvent,
  type InsightEventKind,
  type NudgeRecord,
  type OutboxEntry,
  type OutboxStatus,
  type RevokeOutcome,
  type StoredToken,
  type ExistingNode,
  type GraphNode,
  type KnowledgeGraph,
  type LineageConsumer,
  type LineageNode,
  type LineageRecord,
  type LineageSaveResult,
  type Page,
  type ProductSignalRecords,
  type RatingRecord,
  type SignalOutcome,
  type SloCheckRecord,
  type UsageRecord,
  type PageRequest,
  type ProductFilter,
  type ProductHead,
  type ProductLink,
  type RevisionInfo,
  type RunInfo,
  type SaveOutcome,
  type SaveProductInput,
  type Traversal,
  type TraverseOptions,
} from '@quanta/core';
import { type ApiToken, ConflictError, type Iri, NotFoundError, type Product, type ProductRevision } from '@quanta/model';
import { connect } from './connection.js';
import { GroupCommit, type ItemOutcome } from './group-commit.js';
import { SqliteLineageStore } from './lineage-store.js';
import { SqliteSignalStore } from './signal-store.js';
import { SqliteInsightStore } from './insight-store.js';
import { SqliteIdentityStore } from './identity-store.js';
import { SqliteOutboxStore } from './outbox-store.js';
import { type NodeRow, type ProductRow, type RevisionRow, toNode, toProduct, toRevision, toRevisionInfo } from './rows.js';
import { conceptEquivalences, productHeads } from './projection-reads.js';
import { prepareStatements, type Statements } from './statements.js';
import { Terms } from './terms.js';
import { translatingStorageErrors } from './storage-errors.js';
import { traverse } from './traverse.js';

/** Options of the embedded graph. */
export interface SqliteKnowledgeGraphOptions {
  /** Path of the database file; created with its directory when missing. `:memory:` for a throwaway graph. */
  readonly file: string;
}

/**
 * The embedded KnowledgeGraph: one SQLite file (docs/adr/0002), opened by {@link connect} with the
 * durability and locking settings; every save runs in its own transaction or savepoint, so a
 * failure leaves nothing behind, and concurrent saves share one commit (see {@link GroupCommit}).
 */
export class SqliteKnowledgeGraph implements KnowledgeGraph {
  private readonly st: Statements;
  private readonly terms: Terms;
  private readonly saves: GroupCommit<SaveProductInput, SaveOutcome>;
  private readonly lineage: SqliteLineageStore;
  private readonly signals: SqliteSignalStore;
  private readonly insights: SqliteInsightStore;
  private readonly outbox: SqliteOutboxStore;
  private readonly identities: SqliteIdentityStore;

  private constructor(private readonly db: Database.Database) {
    this.st = prepareStatements(db);
    this.terms = new Terms(db);
    this.lineage = new SqliteLineageStore(db, this.st, this.terms);
    this.signals = new SqliteSignalStore(db, this.terms);
    this.insights = new SqliteInsightStore(db);
    this.outbox = new SqliteOutboxStore(db);
    this.identities = new SqliteIdentityStore(db);
    this.saves = new GroupCommit((inputs) => this.db.transaction(() => inputs.map((input) => this.attempt(input)))());
  }

  /** Opens (creating when needed) the graph stored in `options.file`. */
  static open(options: SqliteKnowledgeGraphOptions): SqliteKnowledgeGraph {
    // A full disk is a 503 to retry, not a 500 (F5): translated once, here, for every method.
    return translatingStorageErrors(new SqliteKnowledgeGraph(connect(options.file)));
  }

  async saveProduct(input: SaveProductInput): Promise<SaveOutcome> {
    assertOwnEdges(input);
    return this.saves.submit(input);
  }

  async saveProducts(inputs: readonly SaveProductInput[]): Promise<readonly BatchItemResult[]> {
    assertValidBatch(inputs);
    // Each save nested in the batch transaction runs in a savepoint (better-sqlite3 nests them):
    // a refused item rolls back alone, and the batch commits once, with one fsync.
    return this.db.transaction(() =>
      inputs.map((input): BatchItemResult => {
        const outcome = this.attempt(input);
        if (outcome.ok) return { ok: true, saved: outcome.value };
        if (outcome.error instanceof ConflictError) return { ok: false, error: outcome.error };
        throw outcome.error; // not a refusal but a fault: it undoes the whole batch
      }),
    )();
  }

  /** One save of a group, in its own savepoint: whatever it throws rolls back it alone. */
  private attempt(input: SaveProductInput): ItemOutcome<SaveOutcome> {
    try {
      return { ok: true, value: this.save(input) };
    } catch (error) {
      return { ok: false, error };
    }
  }

  private readonly save = (input: SaveProductInput): SaveOutcome =>
    this.db.transaction((): SaveOutcome => {
      const { revision: rev, graph } = input;
      const owned = new Set(graph.owned.map((n) => n.iri));
      const verdict = judgeRevision(input, this.st.currentHead.get(rev.iri));
      if (verdict.kind === 'refused') throw verdict.error;
      if (verdict.kind === 'unchanged') return { product: this.mustGet(rev.iri), outcome: 'unchanged' };
      for (const node of graph.owned) assertOwnable(rev.iri, node, this.existingNode(node.iri));

      const { revision, createdAt } = verdict;
      const d = rev.descriptor;
      const semantics = rev.semantics === undefined ? null : JSON.stringify(rev.semantics);
      this.st.insertRevision.run({ ...rev, revision, status: d.status, descriptor: JSON.stringify(d), semantics });
      this.st.upsertProduct.run({
        iri: rev.iri,
        revision,
        hash: rev.hash,
        domain: d.domain,
        ownerTeam: d.owner.team,
        status: d.status,
        createdAt,
      });
      this.replaceOwnedSubgraph(input, owned);
      // In this savepoint: the search outbox learns of the revision exactly when it commits (ADR 0014).
      this.outbox.enqueueSaved(rev.iri, revision, rev.recordedAt);
      // The product just written, built from what was written rather than read back.
      return { product: { ...rev, revision, createdAt }, outcome: verdict.updated ? 'updated' : 'created' };
    })();

  /** Drops the product's previous edges and ports, then writes the new ones. */
  private replaceOwnedSubgraph({ revision, graph }: SaveProductInput, owned: Set<string>): void {
    const id = this.terms.memo();
    const owner = id(revision.iri);
    this.st.deleteOwnedEdges.run(owner);
    for (const { id, iri } of this.st.ownedNodes.all(owner)) {
      if (!owned.has(iri)) this.st.deleteNode.run(id);
    }
    for (const n of graph.owned) this.st.upsertOwnedNode.run({ id: id(n.iri), kind: n.kind, label: n.label, owner });
    for (const n of graph.referenced) {
      this.st.insertReferencedNode.run({ id: id(n.iri), kind: n.kind, label: n.label, stub: n.stub ? 1 : 0 });
    }
    for (const e of graph.edges) this.st.insertEdge.run(id(e.from), e.type, id(e.to), owner);
  }

  private existingNode(iri: string): ExistingNode | undefined {
    const row = this.st.existingNode.get(iri);
    return row && { kind: row.kind, stub: row.stub === 1, owner: row.owner };
  }

  private mustGet(iri: string): Product {
    return toProduct(this.st.product.get(iri) as ProductRow);
  }

  async getProduct(iri: string): Promise<Product | undefined> {
    const row = this.st.product.get(iri) as ProductRow | undefined;
    return row && toProduct(row);
  }

  async getProducts(iris: readonly string[]): Promise<readonly (Product | undefined)[]> {
    const found = new Map((this.st.products.all(JSON.stringify([...new Set(iris)])) as ProductRow[]).map((row) => [row.iri, toProduct(row)]));
    return iris.map((iri) => found.get(iri));
  }

  async getRevision(iri: string, revision: number): Promise<ProductRevision | undefined> {
    const row = this.st.revision.get(iri, revision) as RevisionRow | undefined;
    return row && toRevision(row);
  }

  async listRevisions(iri: string): Promise<readonly RevisionInfo[]> {
    return (this.st.revisions.all(iri) as RevisionRow[]).map(toRevisionInfo);
  }

  async listProducts(filter: ProductFilter, page: PageRequest): Promise<Page<Product>> {
    const { where, params } = filterClause(filter);
    if (page.after !== undefined) where.push('p.iri > @after');
    const sql = `${this.st.productSelect} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY p.iri LIMIT @limit`;
    const rows = this.db.prepare(sql).all({ ...params, after: page.after, limit: page.limit + 1 }) as ProductRow[];
    const items = rows.slice(0, page.limit).map(toProduct);
    return rows.length > page.limit ? { items, next: items.at(-1)?.iri } : { items };
  }

  async listProductHeads(page: PageRequest): Promise<Page<ProductHead>> {
    return productHeads(this.st, page);
  }

  async conceptEquivalences(limit: number): Promise<{ readonly pairs: readonly SameAsLink[]; readonly truncated: boolean }> {
    return conceptEquivalences(this.st, limit);
  }

  async pendingProjections(limit: number): Promise<readonly OutboxEntry[]> {
    return this.outbox.pending(limit);
  }

  async enqueueProjections(heads: readonly ProductHead[], at: string): Promise<void> {
    this.outbox.enqueue(heads, at);
  }

  async completeProjections(projected: readonly ProductHead[]): Promise<number> {
    return this.outbox.complete(projected);
  }

  async outboxStatus(): Promise<OutboxStatus> {
    return this.outbox.status();
  }

  async saveToken(token: StoredToken): Promise<void> {
    this.identities.save(token);
  }

  async tokenByHash(hash: string): Promise<StoredToken | undefined> {
    return this.identities.byHash(hash);
  }

  async listTokens(): Promise<readonly ApiToken[]> {
    return this.identities.list();
  }

  async revokeToken(id: string, at: string): Promise<RevokeOutcome> {
    return this.identities.revoke(id, at);
  }

  async countProducts(filter: ProductFilter = {}): Promise<number> {
    const { where, params } = filterClause(filter);
    const sql = `SELECT count(*) AS n FROM products p ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    return (this.db.prepare(sql).get(params) as { n: number }).n;
  }

  async getNode(iri: string): Promise<GraphNode | undefined> {
    const row = this.st.node.get(iri) as NodeRow | undefined;
    return row && toNode(row);
  }

  async traverse(start: string, options: TraverseOptions): Promise<Traversal> {
    return traverse(this.st, start, options);
  }

  async addToCounter(iri: string, name: string, delta: number): Promise<number> {
    assertCounterDelta(delta);
    // better-sqlite3 runs each call to completion: the existence check and the upsert cannot interleave.
    const node = this.st.nodeId.get(iri);
    if (node === undefined) throw new NotFoundError(`no node ${iri} to count on`);
    return (this.st.addToCounter.get(node, name, delta) as { value: number }).value;
  }

  async addToCounters(increments: readonly CounterIncrement[]): Promise<number> {
    for (const i of increments) assertCounterDelta(i.delta);
    return this.db.transaction(() => {
      let written = 0;
      for (const { iri, name, delta } of increments) {
        const node = this.st.nodeId.get(iri);
        if (node === undefined) continue;
        this.st.addToCounter.get(node, name, delta);
        written++;
      }
      return written;
    })();
  }

  async readCounters(iri: string): Promise<Readonly<Record<string, number>>> {
    return Object.fromEntries(this.st.counters.all(iri).map((r) => [r.name, r.value]));
  }

  async saveLineage(records: readonly LineageRecord[]): Promise<readonly LineageSaveResult[]> {
    return this.lineage.save(records);
  }

  async getRun(runId: string): Promise<RunInfo | undefined> {
    return this.lineage.getRun(runId);
  }

  async lineageNodes(iris: readonly Iri[]): Promise<readonly LineageNode[]> {
    return this.lineage.nodes(iris);
  }

  async productLinks(products: readonly Iri[], direction: 'upstream' | 'downstream'): Promise<readonly ProductLink[]> {
    return this.lineage.productLinks(products, direction);
  }

  async lineageConsumers(product: Iri): Promise<readonly LineageConsumer[]> {
    return this.lineage.consumers(product);
  }

  async recordUsage(records: readonly UsageRecord[]): Promise<readonly SignalOutcome[]> {
    return this.signals.recordUsage(records);
  }

  async putRating(record: RatingRecord): Promise<SignalOutcome> {
    return this.signals.putRating(record);
  }

  async recordSloChecks(records: readonly SloCheckRecord[]): Promise<readonly SignalOutcome[]> {
    return this.signals.recordSloChecks(records);
  }

  async readSignals(products: readonly Iri[] | undefined, since: string): Promise<readonly ProductSignalRecords[]> {
    return this.signals.readSignals(products, since);
  }

  async readUsageReports(products: readonly Iri[], since: string): Promise<readonly UsageRecord[]> {
    return this.signals.readUsageReports(products, since);
  }

  async appendInsightEvents(events: readonly InsightEvent[]): Promise<void> {
    this.insights.appendInsightEvents(events);
  }

  async readInsightEvents(kinds?: readonly InsightEventKind[]): Promise<readonly InsightEvent[]> {
    return this.insights.readInsightEvents(kinds);
  }

  async replaceNudges(nudges: readonly NudgeRecord[]): Promise<void> {
    this.insights.replaceNudges(nudges);
  }

  async readNudges(owner?: Iri): Promise<readonly NudgeRecord[]> {
    return this.insights.readNudges(owner);
  }

  /**
   * Writes a consistent copy of the whole graph to `file` while it keeps serving (SQLite's online
   * backup, F6): every commit before the copy started is in it, none after. Restoring is starting
   * Quanta on a data directory whose `graph.sqlite` is that copy; the search index is rebuilt from it.
   */
  async backupTo(file: string): Promise<{ readonly bytes: number }> {
    mkdirSync(dirname(file), { recursive: true });
    await this.db.backup(file);
    return { bytes: statSync(file).size };
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function filterClause(filter: ProductFilter): { where: string[]; params: Record<string, string> } {
  const columns = { domain: 'p.domain', owner: 'p.owner_team', status: 'p.status' } as const;
  const where: string[] = [];
  const params: Record<string, string> = {};
  for (const key of Object.keys(columns) as (keyof typeof columns)[]) {
    const value = filter[key];
    if (value === undefined) continue;
    where.push(`${columns[key]} = @${key}`);
    params[key] = value;
  }
  return { where, params };
}
