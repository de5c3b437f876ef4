import DataLoader from 'dataloader';
import type { Catalog, LineageNode, ProductLink } from '@quanta/core';
import { perRequest } from '@quanta/gateway';
import type { Iri } from '@quanta/model';

/** The lineage reads one request shares: each batched into one graph read per tick. */
export interface LineageLoaders {
  readonly nodes: DataLoader<Iri, LineageNode | undefined>;
  /** Whether a product is registered: lineage also knows products only named by others (stubs). */
  readonly registered: DataLoader<Iri, boolean>;
  readonly upstream: DataLoader<Iri, readonly ProductLink[]>;
  readonly downstream: DataLoader<Iri, readonly ProductLink[]>;
}

/** One set of loaders per request (the context object is per request), made on first use. */
export function lineageLoaders(catalog: Catalog): (context: object) => LineageLoaders {
  const links = (direction: 'upstream' | 'downstream') =>
    new DataLoader<Iri, readonly ProductLink[]>(async (iris) => {
      const all = await catalog.productLinks(iris, direction);
      return iris.map((iri) => all.filter((l) => (direction === 'upstream' ? l.to : l.from) === iri));
    });
  return perRequest(() => ({
    nodes: new DataLoader<Iri, LineageNode | undefined>(async (iris) => {
      const found = new Map((await catalog.lineageNodes(iris)).map((n) => [n.iri, n]));
      return iris.map((iri) => found.get(iri));
    }),
    registered: new DataLoader<Iri, boolean>(async (iris) => (await catalog.getMany(iris)).map((p) => p !== undefined)),
    upstream: links('upstream'),
    downstream: links('downstream'),
  }));
}
