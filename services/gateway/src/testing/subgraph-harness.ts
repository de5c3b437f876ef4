import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { SYSTEM } from '@quanta/model';
import type { GraphqlContext } from '../context.js';
import type { SubgraphModule } from '../servers.js';

/** A GraphQL result as a test reads it. */
export interface Answer {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly { readonly message: string; readonly extensions?: Record<string, unknown> }[];
}

/** A subgraph served in process, asked the way the gateway asks it. */
export interface SubgraphHarness {
  run(query: string, variables?: Record<string, unknown>): Promise<Answer>;
  /** `_entities` for these IRIs as representations of `typename`, selecting `fields`. */
  entities(fields: string, iris: readonly string[], typename?: string): Promise<Answer>;
  stop(): Promise<void>;
}

/** Starts a subgraph module in process (one request context per call, anonymous). */
export async function subgraphHarness(module: SubgraphModule): Promise<SubgraphHarness> {
  const server = new ApolloServer<GraphqlContext>({ schema: buildSubgraphSchema([module]), plugins: [ApolloServerPluginInlineTraceDisabled()] });
  await server.start();
  const run = async (query: string, variables: Record<string, unknown> = {}): Promise<Answer> => {
    const res = await server.executeOperation({ query, variables }, { contextValue: { identity: SYSTEM } });
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    return res.body.singleResult as Answer;
  };
  return {
    run,
    entities: (fields, iris, typename = 'DataProduct') =>
      run(`query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${fields} } } }`, { r: iris.map((iri) => ({ __typename: typename, iri })) }),
    stop: () => server.stop(),
  };
}
