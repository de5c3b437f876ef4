// The resolver map type is not re-exported from the package root.
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { Catalog } from '@quanta/core';
import { FACETS, intInRange, InvalidParameterError, isAbsoluteIri, NotFoundError, type Product, type ProductStatus, type SearchHit } from '@quanta/model';
import { productLoader, productOf, type ProductRef } from './products.js';

interface ProductsArgs {
  domain?: string | null;
  owner?: string | null;
  status?: ProductStatus | null;
  first: number;
  after?: string | null;
}

interface SearchArgs {
  q: string;
  domain?: string | null;
  owner?: string | null;
  tag?: string | null;
  status?: ProductStatus[] | null;
  first: number;
  offset: number;
  searched: boolean;
}

/** Thin resolvers over the catalog's use cases: every DataProduct field reads one batched load. */
export function catalogResolvers(catalog: Catalog): GraphQLResolverMap<object> {
  const loader = productLoader(catalog);
  /** A DataProduct field read from the loaded product. */
  const field =
    <T>(read: (p: Product) => T) =>
    async (ref: ProductRef, _args: unknown, context: object): Promise<T> =>
      read(await productOf(loader(context), ref));
  const listed = (filter: Record<string, string | null | undefined>) => Object.fromEntries(Object.entries(filter).flatMap(([k, v]) => (v ? [[k, [v]]] : [])));

  return {
    Query: {
      product: async (_root: unknown, { iri }: { iri: string }, context: object) => ((await loader(context).load(iri)) ? { iri } : null),
      products: async (_root: unknown, args: ProductsArgs, context: object) => {
        const page = await catalog.list(
          { domain: args.domain ?? undefined, owner: args.owner ?? undefined, status: args.status ?? undefined },
          { after: args.after ?? undefined, limit: intInRange('first', args.first, 1, 100, '/arguments/first') },
        );
        for (const p of page.items) loader(context).prime(p.iri, p);
        return { items: page.items.map((p) => ({ iri: p.iri })), next: page.next ?? null };
      },
      concept: async (_root: unknown, { iri }: { iri: string }, context: object) => {
        if (!isAbsoluteIri(iri)) throw new InvalidParameterError(`iri must be an absolute IRI, got ${JSON.stringify(iri.slice(0, 100))}`);
        const found = await catalog.productsAbout(iri).catch((err: unknown) => {
          if (err instanceof NotFoundError) return null;
          throw err;
        });
        if (!found) return null;
        for (const p of found.products) loader(context).prime(p.iri, p);
        const concept = (n: { iri: string; label: string }) => ({ iri: n.iri, label: n.label });
        return { concept: concept(found.concept), equivalents: found.equivalents.map(concept), products: found.products.map((p) => ({ iri: p.iri })), truncated: found.truncated };
      },
      search: async (_root: unknown, args: SearchArgs) => {
        const result = await catalog.search({
          q: args.q.slice(0, 512),
          filters: { ...listed({ domain: args.domain, owner: args.owner, tag: args.tag }), ...(args.status?.length ? { status: args.status } : {}) },
          limit: intInRange('first', args.first, 1, 100, '/arguments/first'),
          offset: intInRange('offset', args.offset, 0, 10_000, '/arguments/offset'),
          searched: args.searched,
        });
        return {
          query: result.query,
          total: result.total,
          hits: result.hits.map((hit: SearchHit) => ({ ...hit, product: { iri: hit.product.iri } })),
          facets: FACETS.map((name) => ({ name, values: result.facets[name] })),
        };
      },
    },
    DataProduct: {
      // Null for a product no longer registered, as the federation spec asks; the loads are batched.
      __resolveReference: async (ref: ProductRef, context: object) => ((await loader(context).load(ref.iri)) ? { iri: ref.iri } : null),
      name: field((p) => p.descriptor.name),
      title: field((p) => p.descriptor.title ?? p.descriptor.name),
      description: field((p) => p.descriptor.description ?? null),
      domain: field((p) => ({ name: p.descriptor.domain })),
      owner: field((p) => ({ name: p.descriptor.owner.team, contact: p.descriptor.owner.contact ?? null })),
      status: field((p) => p.descriptor.status),
      version: field((p) => p.descriptor.version ?? null),
      tags: field((p) => p.descriptor.tags ?? []),
      concepts: field((p) => p.descriptor.concepts ?? []),
      outputPorts: field((p) =>
        (p.descriptor.outputPorts ?? []).map((port) => ({
          ...port,
          iri: `${p.iri}/ports/${port.name}`,
          fields: (port.fields ?? []).map((f) => ({ ...f, pii: f.pii ?? false })),
          slos: port.slos ?? [],
        })),
      ),
      inputProducts: async (ref: ProductRef, _args: unknown, context: object) => {
        const named = [...new Set(((await productOf(loader(context), ref)).descriptor.inputPorts ?? []).flatMap((port) => ('product' in port ? [port.product.split('#')[0] as string] : [])))];
        // Only the registered ones: an input port may name a product that has not registered yet.
        const found = await loader(context).loadMany(named);
        return named.filter((_, i) => found[i] !== undefined && !(found[i] instanceof Error)).map((iri) => ({ iri }));
      },
      links: field((p) => Object.entries(p.descriptor.links ?? {}).map(([name, iri]) => ({ name, iri }))),
      revision: field((p) => p.revision),
      semanticModel: async (ref: ProductRef) => {
        const model = await catalog.entityModel(ref.iri);
        return { relations: model.relations, entities: model.entities.map((e) => ({ ...e, comment: e.comment ?? null, attributes: e.attributes.map((a) => ({ ...a, range: a.range ?? null })) })) };
      },
      revisions: async (ref: ProductRef) => [...(await catalog.revisions(ref.iri))].sort((a, b) => b.revision - a.revision),
      createdAt: field((p) => p.createdAt),
      updatedAt: field((p) => p.recordedAt),
    },
  };
}
