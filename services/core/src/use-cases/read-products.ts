import { type Iri, NotFoundError, type Product, type ProductRevision } from '@quanta/model';
import type { Page, ProductFilter, RevisionInfo } from '../ports/knowledge-graph.js';
import type { CatalogDeps } from './deps.js';

/**
 * The current revision of a product.
 * @throws NotFoundError when no such product is registered
 */
export async function getProduct(deps: CatalogDeps, iri: Iri): Promise<Product> {
  const product = await deps.graph.getProduct(iri);
  if (!product) throw new NotFoundError(`No data product is registered as ${iri}`);
  return product;
}

/**
 * One revision of a product.
 * @throws NotFoundError when the product or that revision does not exist
 */
export async function getRevision(deps: CatalogDeps, iri: Iri, revision: number): Promise<ProductRevision> {
  const found = await deps.graph.getRevision(iri, revision);
  if (!found) throw new NotFoundError(`Data product ${iri} has no revision ${revision}`);
  return found;
}

/**
 * The revision history of a product, oldest first.
 * @throws NotFoundError when no such product is registered
 */
export async function listRevisions(deps: CatalogDeps, iri: Iri): Promise<readonly RevisionInfo[]> {
  const revisions = await deps.graph.listRevisions(iri);
  if (revisions.length === 0) throw new NotFoundError(`No data product is registered as ${iri}`);
  return revisions;
}

/** One page of products in IRI order, with the total count for the filter. */
export async function listProducts(
  deps: CatalogDeps,
  filter: ProductFilter,
  page: { after?: Iri; limit: number },
): Promise<Page<Product> & { total: number }> {
  const [result, total] = await Promise.all([deps.graph.listProducts(filter, page), deps.graph.countProducts(filter)]);
  return { ...result, total };
}
