import { type Identity, type Iri, NotFoundError } from '@quanta/model';
import { requireOwner } from './authorization.js';
import type { CatalogDeps } from './deps.js';
import { type RegisterResult, saveLatest } from './register-product.js';

/**
 * Retires a product: a new revision with status `retired`, built from the revision it replaces
 * (compare-and-set, so a concurrent update is retired too, never overwritten). Nothing is deleted;
 * the product stays readable with its history and drops out of default search results.
 * @throws NotFoundError when no such product is registered
 * @throws ForbiddenError when the caller does not own it
 */
export function retireProduct(deps: CatalogDeps, iri: Iri, identity: Identity): Promise<RegisterResult> {
  return saveLatest(deps, iri, identity, (current) => {
    if (!current) throw new NotFoundError(`No data product is registered as ${iri}`);
    requireOwner(identity, current.descriptor.owner.team, `retire ${iri}`);
    // Retiring changes no meaning: the revision keeps what the semantic layer derived before.
    return { descriptor: { ...current.descriptor, status: 'retired' }, ...(current.semantics ? { semantics: current.semantics } : {}) };
  });
}
