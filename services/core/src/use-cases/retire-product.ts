import { type Identity, type Iri, NotFoundError } from '@quanta/model';
import { registerProduct, type RegisterResult } from './register-product.js';
import type { CatalogDeps } from './deps.js';

/**
 * Retires a product: a new revision with status `retired`. Nothing is deleted; the product stays
 * readable with its history and drops out of default search results.
 * @throws NotFoundError when no such product is registered
 */
export async function retireProduct(deps: CatalogDeps, iri: Iri, identity: Identity): Promise<RegisterResult> {
  const current = await deps.graph.getProduct(iri);
  if (!current) throw new NotFoundError(`No data product is registered as ${iri}`);
  return registerProduct(deps, { ...current.descriptor, status: 'retired' }, identity, { statusDeclared: true });
}
