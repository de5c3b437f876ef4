// The resolver map type is not re-exported from the package root.
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { Catalog, LineageNode, ProductLink, RunInfo } from '@quanta/core';
import { datasetIri, intInRange, jobIri, NotFoundError, type Iri } from '@quanta/model';
import { lineageLoaders } from './loaders.js';

interface Ref {
  readonly iri: Iri;
}

const ref = (iri: Iri): Ref => ({ iri });

/** The most products one `upstream`/`downstream` field returns. */
const WALK_CAP = 200;
const unique = (iris: readonly Iri[]): Ref[] => [...new Set(iris)].map(ref);

/** A run as the schema shows it (`Run` has no key: it is always reached from here). */
const run = (r: Omit<RunInfo, 'events'>) => ({ id: r.runId, job: ref(r.job), state: r.state, startedAt: r.startedAt ?? null, endedAt: r.endedAt ?? null });

const link = (l: ProductLink) => ({
  upstream: ref(l.from),
  downstream: ref(l.to),
  via: l.via,
  job: l.job ? ref(l.job) : null,
  dataset: l.dataset ? ref(l.dataset) : null,
});

/** Thin resolvers over the catalog's lineage use cases; one hop is read in batches for many products. */
export function lineageResolvers(catalog: Catalog): GraphQLResolverMap<object> {
  const loaders = lineageLoaders(catalog);
  const node = async (r: Ref, context: object): Promise<LineageNode> => {
    const found = await loaders(context).nodes.load(r.iri);
    if (!found) throw new NotFoundError(`no dataset or job ${r.iri} in the lineage graph`);
    return found;
  };
  const ofKind = async (iri: Iri, kind: LineageNode['kind'], context: object) => ((await loaders(context).nodes.load(iri))?.kind === kind ? ref(iri) : null);
  /** Only the registered ones: a product named by an input port may not have registered yet. */
  const registered = async (iris: readonly Iri[], context: object): Promise<Ref[]> => {
    const known = await loaders(context).registered.loadMany(iris);
    return iris.filter((_, i) => known[i] === true).map(ref);
  };
  /**
   * Products up to `depth` hops away, walked a level at a time through the per-request loader, so
   * the walks of every product a query asks for share one graph read per level; at most
   * WALK_CAP products, nearest first.
   */
  const products = (direction: 'upstream' | 'downstream') => async (r: Ref, { depth }: { depth: number }, context: object) => {
    intInRange('depth', depth, 1, 10, '/arguments/depth');
    const seen = new Set<Iri>([r.iri]);
    const found: Iri[] = [];
    let frontier: Iri[] = [r.iri];
    for (let level = 0; level < depth && frontier.length > 0 && found.length < WALK_CAP; level++) {
      const next: Iri[] = [];
      for (const links of await loaders(context)[direction].loadMany(frontier)) {
        if (links instanceof Error) throw links;
        for (const l of links) {
          const other = direction === 'upstream' ? l.from : l.to;
          if (seen.has(other)) continue;
          seen.add(other);
          next.push(other);
        }
      }
      found.push(...next);
      frontier = next;
    }
    return registered(found.slice(0, WALK_CAP), context);
  };
  /** Jobs linked to a dataset by `type`: the stored edges run job → dataset for reads and writes alike. */
  const jobsOf = (type: 'reads' | 'writes') => async (r: Ref) => {
    const around = await catalog.lineageAround(r.iri, 1);
    return unique(around.edges.filter((e) => e.type === type && e.to === r.iri).map((e) => e.from));
  };

  return {
    Query: {
      dataset: (_root: unknown, { namespace, name }: { namespace: string; name: string }, context: object) => ofKind(datasetIri(namespace, name), 'Dataset', context),
      job: (_root: unknown, { namespace, name }: { namespace: string; name: string }, context: object) => ofKind(jobIri(namespace, name), 'Job', context),
      run: async (_root: unknown, { id }: { id: string }) => {
        try {
          return run(await catalog.getRun(id));
        } catch (error) {
          if (error instanceof NotFoundError) return null;
          throw error;
        }
      },
    },
    DataProduct: {
      upstream: products('upstream'),
      downstream: products('downstream'),
      lineageLinks: async (r: Ref, _args: unknown, context: object) => {
        const [up, down] = await Promise.all([loaders(context).upstream.load(r.iri), loaders(context).downstream.load(r.iri)]);
        const links = [...up, ...down];
        const known = new Set((await registered([...links.map((l) => l.from), ...links.map((l) => l.to)], context)).map((x) => x.iri));
        return links.filter((l) => known.has(l.from) && known.has(l.to)).map(link);
      },
    },
    Dataset: {
      namespace: async (r: Ref, _args: unknown, context: object) => (await node(r, context)).namespace,
      name: async (r: Ref, _args: unknown, context: object) => (await node(r, context)).name,
      updatedAt: async (r: Ref, _args: unknown, context: object) => (await node(r, context)).updatedAt ?? null,
      producers: jobsOf('writes'),
      consumers: jobsOf('reads'),
      exposedBy: async (r: Ref, _args: unknown, context: object) => unique(((await node(r, context)).exposedBy ?? []).map((e) => e.product)),
    },
    Job: {
      namespace: async (r: Ref, _args: unknown, context: object) => (await node(r, context)).namespace,
      name: async (r: Ref, _args: unknown, context: object) => (await node(r, context)).name,
      updatedAt: async (r: Ref, _args: unknown, context: object) => (await node(r, context)).updatedAt ?? null,
      inputs: async (r: Ref, _args: unknown, context: object) => unique(((await node(r, context)).inputs ?? []).map((u) => u.dataset)),
      outputs: async (r: Ref, _args: unknown, context: object) => unique(((await node(r, context)).outputs ?? []).map((u) => u.dataset)),
      latestRun: async (r: Ref, _args: unknown, context: object) => {
        const latest = (await node(r, context)).latestRun;
        return latest ? run(latest) : null;
      },
    },
  };
}
