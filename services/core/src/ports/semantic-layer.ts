import type { Descriptor, EntityModel, Iri, Product, ProductSemantics, RdfFormat } from '@quanta/model';

/**
 * The semantic layer (DESIGN.md §4, §8): reads a descriptor as JSON-LD through the pinned local
 * document loader, parses its semantic model (JSON-LD, or Turtle with `semanticModelFormat:
 * text/turtle`), checks the global SHACL policies and extracts the concepts it speaks about.
 * It never fetches a URL: a context that is not pinned is an error (DESIGN.md §9.7).
 * Every adapter passes `runSemanticLayerContract` from `@quanta/core/testing`.
 */
export interface SemanticLayer {
  /**
   * Analyses a validated descriptor.
   * @param knownConcepts concept IRIs the mesh already defines (non-stub Concept nodes), for the
   *   policy "fields that claim a concept point to a known concept"
   * @throws ValidationError when the descriptor or its semantic model cannot be read as RDF:
   *   a remote or unknown context, a term safe-mode expansion would drop, a Turtle syntax error,
   *   contexts nested too deep
   */
  analyze(descriptor: Descriptor, knownConcepts: ReadonlySet<Iri>): Promise<ProductSemantics>;
  /**
   * The product as DCAT/DPROD RDF (with its semantic model): compacted JSON-LD or Turtle.
   * @param knownConcepts as for `analyze`, read now: a concept defined since the product
   *   registered is typed `quanta:Concept` in the export
   */
  exportProduct(product: Product, format: RdfFormat, knownConcepts: ReadonlySet<Iri>): Promise<string>;
  /**
   * The descriptor's semantic model as entities, attributes, relations and matches (no entities
   * without a model): what the UI draws as an entity diagram.
   * @throws ValidationError as for `analyze`, for a model that cannot be read as RDF
   */
  entityModel(descriptor: Descriptor): Promise<EntityModel>;
}
