import type { Quad } from '@rdfjs/types';
import type { SemanticLayer } from '@quanta/core';
import type { Descriptor, EntityModel, Iri, Product, ProductSemantics, RdfFormat } from '@quanta/model';
import { CONTEXT_IRI, type ContextDocument, pinnedContexts, shapesTurtle } from '@quanta/ontologies';
import { graphHash } from './canonical.js';
import { definedIn, extractConcepts } from './concepts.js';
import { entityModelOf } from './entity-model.js';
import { FindingLocator, termsByPredicate } from './finding-pointer.js';
import { compactQuads, jsonLdToQuads } from './jsonld-io.js';
import { createPinnedLoader, type PinnedLoader } from './pinned-loader.js';
import { PolicyChecker } from './policies.js';
import { conceptTypings, projectProduct } from './projection.js';
import { readSemanticModel } from './semantic-model.js';
import { parseTurtle, writeTurtle } from './turtle.js';

/** What the semantic layer reads its rules from; the defaults are the files in `ontologies/`. */
export interface SemanticLayerOptions {
  /** The global policies as SHACL in Turtle; defaults to `shapesTurtle()`. */
  readonly shapes?: string;
  /** The JSON-LD contexts documents may name by URL; defaults to `pinnedContexts()`. Must hold the Quanta context. */
  readonly contexts?: ReadonlyMap<string, ContextDocument>;
}

/**
 * The semantic layer on `jsonld` (safe-mode expansion, compaction, RDFC-1.0), `n3` (Turtle) and
 * `rdf-validate-shacl` (ADR 0006). It never fetches a URL: every context comes from the pinned table.
 */
export class JsonLdSemanticLayer implements SemanticLayer {
  private readonly terms: ReadonlyMap<Iri, string>;
  private readonly productLoader: PinnedLoader;
  private readonly exportLoader: PinnedLoader;

  private constructor(
    private readonly policies: PolicyChecker,
    private readonly contexts: ReadonlyMap<string, ContextDocument>,
  ) {
    const quanta = contexts.get(CONTEXT_IRI)?.['@context'];
    if (!quanta || Array.isArray(quanta)) throw new Error(`the pinned contexts must hold the Quanta context ${CONTEXT_IRI} as an object`);
    this.terms = termsByPredicate(quanta as Record<string, unknown>);
    this.productLoader = createPinnedLoader({ pinned: contexts, pointer: '/@context' });
    this.exportLoader = createPinnedLoader({ pinned: contexts });
  }

  /**
   * Parses the shapes once and builds the layer.
   * @throws Error when the shapes are not valid Turtle: a broken deployment, not bad input
   */
  static create(options: SemanticLayerOptions = {}): JsonLdSemanticLayer {
    const shapes = parseTurtle(options.shapes ?? shapesTurtle(), { baseIri: CONTEXT_IRI, pointer: '' });
    return new JsonLdSemanticLayer(new PolicyChecker(shapes), options.contexts ?? pinnedContexts());
  }

  async analyze(descriptor: Descriptor, knownConcepts: ReadonlySet<Iri>): Promise<ProductSemantics> {
    const { pointers, model, defined, data } = await this.readGraph(descriptor, knownConcepts);
    const { concepts, equivalences } = extractConcepts(descriptor, model, defined);
    const locator = new FindingLocator({
      nodes: pointers,
      terms: this.terms,
      data,
      paths: this.policies.shapeQuads,
      modelSubjects: new Set(model.map((q) => q.subject.value)),
    });
    const findings = await this.policies.check(data, (focus, path) => locator.pointer(focus, path));
    return { findings, concepts, equivalences, ...(descriptor.semanticModel !== undefined && { modelHash: await graphHash(model) }) };
  }

  async exportProduct(product: Product, format: RdfFormat, knownConcepts: ReadonlySet<Iri>): Promise<string> {
    const { data } = await this.readGraph(product.descriptor, knownConcepts);
    if (format === 'text/turtle') return writeTurtle(data);
    const compacted = await compactQuads(data, CONTEXT_IRI, this.exportLoader);
    return `${JSON.stringify(compacted, null, 2)}\n`;
  }

  async entityModel(descriptor: Descriptor): Promise<EntityModel> {
    return entityModelOf((await readSemanticModel(descriptor, this.contexts)) ?? []);
  }

  /**
   * What the policies check and the export shows: the projection read in safe mode (a descriptor
   * term the context misses is an error, not a lost value), the model's own triples, and `a
   * quanta:Concept` for the known concepts they mention and those the model defines.
   */
  private async readGraph(descriptor: Descriptor, knownConcepts: ReadonlySet<Iri>) {
    const { document, pointers } = projectProduct(descriptor);
    const product = await jsonLdToQuads(document, { loader: this.productLoader, base: null, site: { pointer: '', document, what: 'descriptor' } });
    const model = (await readSemanticModel(descriptor, this.contexts)) ?? [];
    const defined = definedIn(model);
    const graph = [...product, ...model];
    const data = [...graph, ...conceptTypings([...knownIn(graph, knownConcepts), ...defined])];
    return { pointers, model, defined, data };
  }
}

/**
 * The known concepts a graph mentions. Only those need their `quanta:Concept` typing: the mesh may
 * know thousands, and typing all of them would bloat every policy run and every export.
 */
function knownIn(graph: readonly Quad[], known: ReadonlySet<Iri>): Iri[] {
  const found = new Set<Iri>();
  for (const q of graph) {
    if (q.subject.termType === 'NamedNode' && known.has(q.subject.value)) found.add(q.subject.value);
    if (q.object.termType === 'NamedNode' && known.has(q.object.value)) found.add(q.object.value);
  }
  return [...found];
}
