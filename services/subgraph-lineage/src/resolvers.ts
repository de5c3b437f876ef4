// The resolver map type is not re-exported from the package root.
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { Catalog, LineageNode, ProductLink, RunInfo } from '@quanta/core';
import { datasetIri, intInRange, jobIri, NotFoundError, type Iri } from '@quanta/model';
import { lineageLoaders } from './loaders.js';

interface Ref {
  readonly iri: Iri;
}

const ref = (iri: Iri): Ref => ({ iri });
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
  /** Products `depth` hops away: one batched hop when depth is 1, a walk of the graph beyond. */
  const products = (direction: 'upstream' | 'downstream') => async (r: Ref, { depth }: { depth: number }, context: object) => {
    intInRange('depth', depth, 1, 10, '/arguments/depth');
    if (depth === 1) return unique((await loaders(context)[direction].load(r.iri)).map((l) => (direction === 'upstream' ? l.from : l.to)));
    const walk = await catalog.productLineage(r.iri, direction, depth);
    return unique(walk.nodes.filter((n) => n.kind === 'DataProduct' && !n.stub && n.iri !== r.iri).map((n) => n.iri));
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
        return [...up, ...down].map(link);
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
