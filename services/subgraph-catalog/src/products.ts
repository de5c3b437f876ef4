import DataLoader from 'dataloader';
import type { Catalog } from '@quanta/core';
import { perRequest } from '@quanta/gateway';
import { NotFoundError, type Iri, type Product } from '@quanta/model';

/** A DataProduct as resolvers pass it on: its key, and the product once loaded. */
export interface ProductRef {
  readonly iri: Iri;
}

/**
 * One loader per request (the context object is per request): every DataProduct a query touches,
 * however many subgraph fetches ask for it, is read in one `getMany` per tick, never one each.
 */
export function productLoader(catalog: Catalog): (context: object) => DataLoader<Iri, Product | undefined> {
  return perRequest(() => new DataLoader<Iri, Product | undefined>(async (iris) => catalog.getMany(iris)));
}

/** The product behind a reference; a reference to an unknown product is an error on that field. */
export async function productOf(load: DataLoader<Iri, Product | undefined>, ref: ProductRef): Promise<Product> {
  const product = await load.load(ref.iri);
  if (!product) throw new NotFoundError(`no data product ${ref.iri}`);
  return product;
}
