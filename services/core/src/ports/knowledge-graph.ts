import type { ConflictError, Iri, Product, ProductRevision, ProductStatus } from '@quanta/model';
import type { LineageGraph } from './lineage-graph.js';
import type { InsightGraph } from './insight-graph.js';
import type { SignalGraph } from './signal-graph.js';
import type { IdentityStore } from './identity-store.js';
import type { ProductHead, SearchOutbox } from './search-outbox.js';

/** Kinds of node in the knowledge graph. */
export type NodeKind = 'DataProduct' | 'OutputPort' | 'Domain' | 'Team' | 'Dataset' | 'Concept' | 'Job' | 'Run' | 'DatasetField';

/** Typed relations between nodes. */
export type RelationType =
  | 'inDomain' // DataProduct → Domain
  | 'ownedBy' // DataProduct → Team
  | 'hasOutputPort' // DataProduct → OutputPort
  | 'exposesDataset' // OutputPort → Dataset (the port's OpenLineage identity)
  | 'consumes' // DataProduct → DataProduct (an input port naming an upstream product)
  | 'readsDataset' // DataProduct → Dataset (an input port naming an operational source)
  | 'about' // DataProduct → Concept
  | 'sameAs' // Concept → Concept: an equivalence a product's semantic model declares (owned by that product)
  | 'reads' // Job → Dataset (OpenLineage inputs)
  | 'writes' // Job → Dataset (OpenLineage outputs)
  | 'runOf' // Run → Job
  | 'hasField' // Dataset → DatasetField (schema facet)
  | 'derivedFrom'; // DatasetField → DatasetField (columnLineage facet: output field ← input field)

/** A node. `stub` nodes exist only because something points at them (an upstream product not yet registered). */
export interface GraphNode {
  readonly iri: Iri;
  readonly kind: NodeKind;
  readonly label: string;
  readonly stub: boolean;
}

/** A directed, typed edge. */
export interface GraphEdge {
  readonly from: Iri;
  readonly type: RelationType;
  readonly to: Iri;
}

/**
 * The nodes and edges one descriptor contributes to the knowledge graph. The product owns its
 * port nodes and every edge it declares: a new revision replaces them whole. Edges start at a node
 * the product owns, except `sameAs` between two concepts. Targets it points at (domains, teams,
 * datasets, upstream products, concepts) are shared and only created when missing; a non-stub
 * reference (a concept the product's model defines) fills in a stub of the same kind.
 */
export interface ProductGraph {
  /** The product node and its ports: written by this product. */
  readonly owned: readonly GraphNode[];
  /** Nodes this product points at; created when missing, never overwritten (a non-stub one fills in a stub). */
  readonly referenced: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/** What to store for one registration: the revision and the nodes and edges derived from it. */
export interface SaveProductInput {
  readonly revision: Omit<ProductRevision, 'revision'>;
  readonly graph: ProductGraph;
  /**
   * Compare-and-set: the save fails with a ConflictError unless the product's current revision
   * is this one (0: the product must not exist yet). Omit to save unconditionally.
   */
  readonly expectedRevision?: number;
}

/** The result of a save: `unchanged` when the hash equals the current revision's (no new revision). */
export interface SaveOutcome {
  readonly product: Product;
  readonly outcome: 'created' | 'updated' | 'unchanged';
}

/** One item's result in {@link KnowledgeGraph.saveProducts}: its outcome, or why it was refused. */
export type BatchItemResult =
  | { readonly ok: true; readonly saved: SaveOutcome }
  | { readonly ok: false; readonly error: ConflictError };

/** Filters for browsing products; all given filters must hold. */
export interface ProductFilter {
  readonly domain?: string;
  readonly owner?: string;
  readonly status?: ProductStatus;
}

/** Keyset pagination: products ordered by IRI, starting strictly after `after`. */
export interface PageRequest {
  readonly after?: Iri;
  readonly limit: number;
}

/** A page of results; `next` is the last IRI of this page when more follow. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly next?: Iri;
}

/** Summary of one revision in a product's history. */
export interface RevisionInfo {
  readonly revision: number;
  readonly hash: string;
  readonly status: ProductStatus;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/** Options of a traversal: bounded in depth and size, so a hub node can never blow it up. */
export interface TraverseOptions {
  readonly direction: 'out' | 'in' | 'both';
  /** Relations to follow; all when omitted. */
  readonly types?: readonly RelationType[];
  /** 1..10 hops. */
  readonly depth: number;
  /** Stop after this many nodes and say so. */
  readonly maxNodes: number;
}

/** A traversal result: the start node, every node reached and the edges followed. */
export interface Traversal {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** True when `maxNodes` cut the result short. */
  readonly truncated: boolean;
}

/** One `sameAs` edge between two concepts, with both concept nodes: what search synonyms are made of. */
export interface SameAsLink {
  readonly from: GraphNode;
  readonly to: GraphNode;
}

/** One addition of {@link KnowledgeGraph.addToCounters}: `delta` to the counter `name` of node `iri`. */
export interface CounterIncrement {
  readonly iri: Iri;
  readonly name: string;
  readonly delta: number;
}

/**
 * The knowledge graph, Quanta's only source of truth (DESIGN.md §2). Every adapter passes
 * `runKnowledgeGraphContract` from `@quanta/core/testing`.
 *
 * Writes are atomic: a `saveProduct` that fails leaves no node, edge or revision behind.
 * A product writes only its own nodes: saving over a node another product owns, or over a shared
 * (non-stub) node such as a domain, fails with a ConflictError.
 * A resolved `saveProduct` is durable: it survives a `kill -9` of the process.
 */
export interface KnowledgeGraph extends LineageGraph, SignalGraph, InsightGraph, SearchOutbox, IdentityStore {
  /**
   * Stores a revision and replaces the product's outgoing edges and ports, in one transaction,
   * which also adds the product to the search outbox when it was created or updated (an
   * unchanged save writes nothing).
   */
  saveProduct(input: SaveProductInput): Promise<SaveOutcome>;
  /**
   * Bulk registration: saves many products in one transaction, with the same rules as
   * `saveProduct` applied to each item in order. An item that breaks compare-and-set or ownership
   * is refused alone (its result holds the ConflictError; nothing of it is stored) and the others
   * are saved. Results are in input order.
   * @throws Error when an IRI appears twice or an edge starts outside its product (nothing stored)
   */
  saveProducts(inputs: readonly SaveProductInput[]): Promise<readonly BatchItemResult[]>;
  /** The current revision of a product, or undefined. */
  getProduct(iri: Iri): Promise<Product | undefined>;
  /**
   * The current revisions of many products in one read (GraphQL resolves entities in batches):
   * results in input order, undefined where a product is unknown; an IRI asked twice is answered twice.
   */
  getProducts(iris: readonly Iri[]): Promise<readonly (Product | undefined)[]>;
  /** One past revision, or undefined. */
  getRevision(iri: Iri, revision: number): Promise<ProductRevision | undefined>;
  /** Every revision of a product, oldest first; empty when unknown. */
  listRevisions(iri: Iri): Promise<readonly RevisionInfo[]>;
  /** Products in IRI order, filtered, one page at a time. */
  listProducts(filter: ProductFilter, page: PageRequest): Promise<Page<Product>>;
  /**
   * Every product's IRI and current revision, in IRI order, one page at a time: what the
   * reconciler compares the search index with, without reading descriptors.
   */
  listProductHeads(page: PageRequest): Promise<Page<ProductHead>>;
  /**
   * Every `sameAs` edge between two concepts, each pair once (whichever products declare it), in
   * a stable order, at most `limit`: what search synonyms are made of.
   * @returns the equivalences, and `truncated` when more exist than `limit`
   */
  conceptEquivalences(limit: number): Promise<{ readonly pairs: readonly SameAsLink[]; readonly truncated: boolean }>;
  /** How many products match the filter. */
  countProducts(filter?: ProductFilter): Promise<number>;
  /** A node by IRI, stub or not. */
  getNode(iri: Iri): Promise<GraphNode | undefined>;
  /** Multi-hop traversal from `start`, breadth first. Empty when `start` is unknown. */
  traverse(start: Iri, options: TraverseOptions): Promise<Traversal>;
  /**
   * Adds `delta` to the counter `name` of a node (a missing counter starts at 0) and returns the
   * new value. Atomic: concurrent additions are never lost, whatever the backend's isolation.
   * Counters are not part of a revision: a new revision keeps them; a dropped port loses its own.
   * @throws NotFoundError when no node has this IRI
   * @throws RangeError when `delta` is not a finite number
   */
  addToCounter(iri: Iri, name: string, delta: number): Promise<number>;
  /**
   * Adds many deltas in one transaction (one commit), all or none: the impressions of a flush
   * interval, which one transaction each would hold the event loop for one fsync per product. A
   * node that does not exist (deleted since the impressions were counted) is skipped.
   * @returns how many increments landed
   * @throws RangeError when any delta is not a finite number; nothing is added then
   */
  addToCounters(increments: readonly CounterIncrement[]): Promise<number>;
  /** Every counter of a node, by name; empty when it has none (or does not exist). */
  readCounters(iri: Iri): Promise<Readonly<Record<string, number>>>;
  /** Throws when the backend cannot serve requests (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
