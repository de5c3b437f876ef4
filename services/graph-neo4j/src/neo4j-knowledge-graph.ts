import {
  assertCounterDelta,
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
  type GraphNode,
  type KnowledgeGraph,
  type LineageConsumer,
  type LineageNode,
  type LineageRecord,
  type LineageSaveResult,
  type Page,
  type PageRequest,
  type ProductFilter,
  type ProductHead,
  type ProductLink,
  type ProductSignalRecords,
  type RatingRecord,
  type RevisionInfo,
  type RunInfo,
  type SaveOutcome,
  type SaveProductInput,
  type SignalOutcome,
  type SloCheckRecord,
  type Traversal,
  type TraverseOptions,
  type UsageRecord,
} from '@quanta/core';
import { type ApiToken, type Iri, NotFoundError, type Product, type ProductRevision, UnavailableError } from '@quanta/model';
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { readLineageConsumers, readLineageNodes, readProductLinks, readRun } from './lineage-reads.js';
import { NodeLoader } from './node-loader.js';
import * as identities from './identities.js';
import * as outbox from './outbox.js';
import { conceptEquivalences, productHeads } from './projection-reads.js';
import * as q from './queries.js';
import { type NodeRecord, type ProductRecord, type RevisionRecord, toNode, toProduct, toRevision, toRevisionInfo } from './records.js';
import { saveBatch } from './save-batch.js';
import { saveLineage } from './save-lineage.js';
import { applySchema, counterKey, revisionKey } from './schema.js';
import * as insights from './insights.js';
import * as signals from './signals.js';
import { traverse } from './traverse.js';
import { VanishedNodeError } from './write-edges.js';

/** Neo4j's error for a node deleted under a statement that had matched it and then uses it. */
const ENTITY_NOT_FOUND = 'Neo.ClientError.Statement.EntityNotFound';
/** How often a write runs at most when concurrent saves keep deleting what it names (once is the rule). */
const WRITE_ATTEMPTS = 5;

/**
 * Every call to Neo4j is bounded (issue 12: timeouts on every backend call): a transaction runs at
 * most TRANSACTION_TIMEOUT_MS on the server, a connection is made within CONNECT_TIMEOUT_MS, and
 * the driver retries a transaction after transient errors for at most RETRY_MS, so a request never
 * waits on a dead database for longer than about their sum.
 */
const TRANSACTION_TIMEOUT_MS = 15_000;
const CONNECT_TIMEOUT_MS = 5_000;
const RETRY_MS = 5_000;

/** What the driver says when it cannot reach the database, or lost it mid-transaction. */
const UNREACHABLE = new Set(['ServiceUnavailable', 'SessionExpired']);

/** Where the Neo4j server is and how to log in. */
export interface Neo4jKnowledgeGraphOptions {
  /** A bolt or neo4j URI, e.g. `neo4j://graph.internal:7687` (routing) or `bolt://127.0.0.1:7687`. */
  readonly uri: string;
  /** Omit both for a server with authentication disabled. */
  readonly user?: string;
  readonly password?: string;
  /** The database; the server's default when omitted. */
  readonly database?: string;
}

/**
 * The production KnowledgeGraph on Neo4j (DESIGN.md §2): every save is one write transaction
 * (see `save-batch.ts` for locking and compare-and-set, `save-lineage.ts` for lineage events),
 * reads are read transactions, and the same contract suite as the embedded graph holds. The
 * driver is stateless per call, so any number of API processes may share one database.
 */
export class Neo4jKnowledgeGraph implements KnowledgeGraph {
  /** `getNode` calls of one turn, read together (core's product lineage asks for a hop's products at once). */
  private readonly nodes = new NodeLoader((iris) => this.readNodes(iris));

  private constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
  ) {}

  /**
   * Connects, checks the server answers, and applies the constraints and indexes (idempotent).
   * @throws when the server is unreachable or refuses the credentials
   */
  static async connect(options: Neo4jKnowledgeGraphOptions): Promise<Neo4jKnowledgeGraph> {
    const auth = options.user !== undefined ? neo4j.auth.basic(options.user, options.password ?? '') : undefined;
    // Revisions and counts stay far below 2^53: plain numbers spare every caller Neo4j Integers.
    const driver = neo4j.driver(options.uri, auth, {
      disableLosslessIntegers: true,
      connectionTimeout: CONNECT_TIMEOUT_MS,
      connectionAcquisitionTimeout: CONNECT_TIMEOUT_MS,
      maxTransactionRetryTime: RETRY_MS,
    });
    try {
      await driver.verifyConnectivity({ database: options.database });
      await applySchema(driver, options.database);
    } catch (error) {
      await driver.close();
      throw error;
    }
    return new Neo4jKnowledgeGraph(driver, options.database);
  }

  async saveProduct(input: SaveProductInput): Promise<SaveOutcome> {
    assertOwnEdges(input);
    const [result] = await this.write((tx) => saveBatch(tx, [input]));
    if (!result) throw new Error('a batch of one returned no result');
    if (!result.ok) throw result.error;
    return result.saved;
  }

  async saveProducts(inputs: readonly SaveProductInput[]): Promise<readonly BatchItemResult[]> {
    assertValidBatch(inputs);
    return inputs.length === 0 ? [] : this.write((tx) => saveBatch(tx, inputs));
  }

  async getProduct(iri: string): Promise<Product | undefined> {
    const records = await this.read((tx) => tx.run<ProductRecord>(q.PRODUCT, { iri }));
    const record = records.records[0];
    return record && toProduct(record.toObject());
  }

  async getProducts(iris: readonly string[]): Promise<readonly (Product | undefined)[]> {
    const result = await this.read((tx) => tx.run<ProductRecord>(q.PRODUCTS, { iris: [...new Set(iris)] }));
    const found = new Map(result.records.map((r) => toProduct(r.toObject())).map((p) => [p.iri, p]));
    return iris.map((iri) => found.get(iri));
  }

  async getRevision(iri: string, revision: number): Promise<ProductRevision | undefined> {
    const result = await this.read((tx) => tx.run<RevisionRecord>(q.REVISION, { key: revisionKey(iri, revision) }));
    const record = result.records[0];
    return record && toRevision(record.toObject());
  }

  async listRevisions(iri: string): Promise<readonly RevisionInfo[]> {
    const result = await this.read((tx) => tx.run<RevisionRecord>(q.REVISIONS, { iri }));
    return result.records.map((r) => toRevisionInfo(r.toObject()));
  }

  async listProducts(filter: ProductFilter, page: PageRequest): Promise<Page<Product>> {
    const { where, params } = filterClause(filter, page.after);
    // One more than asked tells whether a next page exists without a second query.
    const query = q.listProductsQuery(where);
    const result = await this.read((tx) => tx.run<ProductRecord>(query, { ...params, limit: neo4j.int(page.limit + 1) }));
    const items = result.records.slice(0, page.limit).map((r) => toProduct(r.toObject()));
    return result.records.length > page.limit ? { items, next: items.at(-1)?.iri } : { items };
  }

  async listProductHeads(page: PageRequest): Promise<Page<ProductHead>> {
    return this.read((tx) => productHeads(tx, page));
  }

  async conceptEquivalences(limit: number): Promise<{ readonly pairs: readonly SameAsLink[]; readonly truncated: boolean }> {
    return this.read((tx) => conceptEquivalences(tx, limit));
  }

  async pendingProjections(limit: number): Promise<readonly OutboxEntry[]> {
    return this.read((tx) => outbox.pendingProjections(tx, limit));
  }

  async enqueueProjections(heads: readonly ProductHead[], at: string): Promise<void> {
    if (heads.length > 0) await this.write((tx) => outbox.enqueueProjections(tx, heads, at));
  }

  async completeProjections(projected: readonly ProductHead[]): Promise<number> {
    return projected.length === 0 ? 0 : this.write((tx) => outbox.completeProjections(tx, projected));
  }

  async outboxStatus(): Promise<OutboxStatus> {
    return this.read((tx) => outbox.outboxStatus(tx));
  }

  async saveToken(token: StoredToken): Promise<void> {
    await this.write((tx) => identities.saveToken(tx, token));
  }

  async tokenByHash(hash: string): Promise<StoredToken | undefined> {
    // On the leader, like the revocation it must see: in a cluster a follower may lag behind it.
    return this.inSession('WRITE', (tx) => identities.tokenByHash(tx, hash));
  }

  async listTokens(): Promise<readonly ApiToken[]> {
    return this.read((tx) => identities.listTokens(tx));
  }

  async revokeToken(id: string, at: string): Promise<RevokeOutcome> {
    return this.write((tx) => identities.revokeToken(tx, id, at));
  }

  async countProducts(filter: ProductFilter = {}): Promise<number> {
    const { where, params } = filterClause(filter);
    const query = q.countProductsQuery(where);
    const result = await this.read((tx) => tx.run<{ n: number }>(query, params));
    return result.records[0]?.get('n') ?? 0;
  }

  async getNode(iri: string): Promise<GraphNode | undefined> {
    return this.nodes.load(iri);
  }

  async traverse(start: string, options: TraverseOptions): Promise<Traversal> {
    return this.read((tx) => traverse(tx, start, options));
  }

  async addToCounter(iri: string, name: string, delta: number): Promise<number> {
    assertCounterDelta(delta);
    const params = { iri, name, key: counterKey(iri, name), delta };
    const result = await this.write((tx) => tx.run<{ value: number }>(q.ADD_TO_COUNTER, params));
    const record = result.records[0];
    if (!record) throw new NotFoundError(`no node ${iri} to count on`);
    return record.get('value');
  }

  async addToCounters(increments: readonly CounterIncrement[]): Promise<number> {
    for (const i of increments) assertCounterDelta(i.delta);
    const rows = new Map<string, { iri: string; name: string; key: string; delta: number }>();
    for (const { iri, name, delta } of increments) {
      const key = counterKey(iri, name);
      const row = rows.get(key);
      if (row) row.delta += delta;
      else rows.set(key, { iri, name, key, delta });
    }
    if (rows.size === 0) return 0;
    // Landed increments, counted per input: repeats of a counter were summed into one row.
    const landed = new Set<string>();
    const sorted = [...rows.values()].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    await this.write(async (tx) => {
      landed.clear();
      const result = await tx.run<{ key: string }>(q.ADD_TO_COUNTERS, { rows: sorted });
      for (const r of result.records) landed.add(r.get('key'));
    });
    return increments.filter((i) => landed.has(counterKey(i.iri, i.name))).length;
  }

  async readCounters(iri: string): Promise<Readonly<Record<string, number>>> {
    const result = await this.read((tx) => tx.run<{ name: string; value: number }>(q.COUNTERS, { iri }));
    return Object.fromEntries(result.records.map((r) => [r.get('name'), r.get('value')]));
  }

  async saveLineage(records: readonly LineageRecord[]): Promise<readonly LineageSaveResult[]> {
    return records.length === 0 ? [] : this.write((tx) => saveLineage(tx, records));
  }

  async getRun(runId: string): Promise<RunInfo | undefined> {
    return this.read((tx) => readRun(tx, runId));
  }

  async lineageNodes(iris: readonly Iri[]): Promise<readonly LineageNode[]> {
    return this.read((tx) => readLineageNodes(tx, iris));
  }

  async productLinks(products: readonly Iri[], direction: 'upstream' | 'downstream'): Promise<readonly ProductLink[]> {
    return this.read((tx) => readProductLinks(tx, products, direction));
  }

  async lineageConsumers(product: Iri): Promise<readonly LineageConsumer[]> {
    return this.read((tx) => readLineageConsumers(tx, product));
  }

  async recordUsage(records: readonly UsageRecord[]): Promise<readonly SignalOutcome[]> {
    return records.length === 0 ? [] : this.write((tx) => signals.recordUsage(tx, records));
  }

  async putRating(record: RatingRecord): Promise<SignalOutcome> {
    return this.write((tx) => signals.putRating(tx, record));
  }

  async recordSloChecks(records: readonly SloCheckRecord[]): Promise<readonly SignalOutcome[]> {
    return records.length === 0 ? [] : this.write((tx) => signals.recordSloChecks(tx, records));
  }

  async readSignals(products: readonly Iri[] | undefined, since: string): Promise<readonly ProductSignalRecords[]> {
    return this.read((tx) => signals.readSignals(tx, products, since));
  }

  async readUsageReports(products: readonly Iri[], since: string): Promise<readonly UsageRecord[]> {
    return products.length === 0 ? [] : this.read((tx) => signals.readUsageReports(tx, products, since));
  }

  async appendInsightEvents(events: readonly InsightEvent[]): Promise<void> {
    if (events.length > 0) await this.write((tx) => insights.appendInsightEvents(tx, events));
  }

  async readInsightEvents(kinds?: readonly InsightEventKind[]): Promise<readonly InsightEvent[]> {
    return this.read((tx) => insights.readInsightEvents(tx, kinds));
  }

  async replaceNudges(nudges: readonly NudgeRecord[]): Promise<void> {
    await this.write((tx) => insights.replaceNudges(tx, nudges));
  }

  async readNudges(owner?: Iri): Promise<readonly NudgeRecord[]> {
    return this.read((tx) => insights.readNudges(tx, owner));
  }

  async ping(): Promise<void> {
    await this.read((tx) => tx.run('RETURN 1'));
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async readNodes(iris: readonly string[]): Promise<ReadonlyMap<string, GraphNode>> {
    const result = await this.read((tx) => tx.run<NodeRecord>(q.NODES, { iris }));
    return new Map(result.records.map((r) => [r.get('iri'), toNode(r.toObject())] as const));
  }

  private read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.inSession('READ', work);
  }

  /**
   * A write transaction, rerun (as the driver reruns one after a transient error) when a node it
   * had matched was deleted by a concurrent save before it could lock it: a lineage save dropping
   * an orphan field or stub that this one names (DROP_ORPHANS), or a projection completing the
   * search outbox entry this one moves up. Neo4j reports that either as EntityNotFound or not at
   * all, which `writeEdges` and `outbox.ts` turn into a VanishedNodeError. Every write
   * is a transaction function that keeps no state outside, so a rerun starts afresh.
   */
  private async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.inSession('WRITE', work);
      } catch (error) {
        const vanished = error instanceof VanishedNodeError || (error as { code?: unknown }).code === ENTITY_NOT_FOUND;
        if (attempt >= WRITE_ATTEMPTS || !vanished) throw error;
      }
    }
  }

  /**
   * A managed transaction (retried on transient errors) in a session of its own, closed afterwards.
   * A database that cannot be reached is a 503 to retry (F3): the transaction either committed
   * before the driver lost it, and the caller's retry is a no-op, or it did not and is redone.
   */
  private async inSession<T>(mode: 'READ' | 'WRITE', work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session[mode] });
    const config = { timeout: TRANSACTION_TIMEOUT_MS };
    try {
      return await (mode === 'READ' ? session.executeRead(work, config) : session.executeWrite(work, config));
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && UNREACHABLE.has(code)) {
        throw Object.assign(new UnavailableError('the knowledge graph (Neo4j) cannot be reached; retry shortly', 5), { cause: error });
      }
      throw error;
    } finally {
      await session.close().catch(() => undefined);
    }
  }
}

/** The filter's WHERE clause, plus the keyset cursor when paging. */
function filterClause(filter: ProductFilter, after?: string): { where: string; params: Record<string, string> } {
  const clause = q.filterClause(filter, after === undefined ? [] : ['p.iri > $after']);
  return after === undefined ? clause : { where: clause.where, params: { ...clause.params, after } };
}
