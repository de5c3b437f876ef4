import type { EntityModel, Iri } from '@quanta/model';
import type { CatalogDeps } from './deps.js';
import { getProduct } from './read-products.js';

/** Entity models kept at most: one per product page in view, reading the model again only after a change. */
const KEPT = 1_000;

/**
 * A product's semantic model as entities and relations (the UI's entity diagram). Reading a model
 * means expanding JSON-LD or parsing Turtle; a model changes only with a new revision, so each
 * (product, revision) is read once while it stays among the last {@link KEPT} asked for.
 * @throws NotFoundError when no product is registered under `iri`
 */
export function entityModelReader(deps: CatalogDeps): (iri: Iri) => Promise<EntityModel> {
  const kept = new Map<string, Promise<EntityModel>>();
  return async (iri) => {
    const product = await getProduct(deps, iri);
    const key = `${iri} ${product.revision}`;
    const known = kept.get(key);
    if (known) {
      kept.delete(key);
      kept.set(key, known); // most recent last: the map's order is its recency
      return known;
    }
    const read = deps.semantics.entityModel(product.descriptor);
    kept.set(key, read);
    read.catch(() => kept.delete(key));
    if (kept.size > KEPT) kept.delete(kept.keys().next().value as string);
    return read;
  };
}
