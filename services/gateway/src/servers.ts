import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway, type GraphQLDataSourceProcessOptions, LocalGraphQLDataSource, RemoteGraphQLDataSource } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { type DocumentNode, GraphQLError, type ValidationRule } from 'graphql';
import type { GraphqlContext } from './context.js';
import { formatError } from './errors.js';
import { DEFAULT_LIMITS, type GraphqlLimits, protections } from './limits.js';

/** A subgraph module: a name, its SDL, its resolvers (what each `@quanta/subgraph-*` exports). */
export interface SubgraphModule {
  readonly name: string;
  readonly typeDefs: DocumentNode;
  // Apollo's resolver map type is not exported from @apollo/subgraph's root; each module's own is stricter.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly resolvers: any;
}

/** Where the gateway reaches a subgraph: in this process, or over HTTP in its own. */
export type SubgraphTarget = { readonly module: SubgraphModule } | { readonly url: string };

/** What Apollo logs through (pino's methods fit). */
export interface GraphqlLogger {
  debug(message?: unknown): void;
  info(message?: unknown): void;
  warn(message?: unknown): void;
  error(message?: unknown): void;
}

/** Options every GraphQL server of Quanta shares. */
export interface ServerOptions {
  /** Production: no introspection, no field suggestions. Errors never carry stack traces. */
  readonly production: boolean;
  readonly logger: GraphqlLogger;
}

const common = ({ production, logger }: ServerOptions) => ({
  logger,
  // The process owns its signals: it stops the servers in order (HTTP, gateway, subgraphs, backends).
  stopOnTerminationSignals: false,
  includeStacktraceInErrorResponses: false,
  hideSchemaDetailsFromClientErrors: production,
  formatError: (formatted: Parameters<typeof formatError>[0], error: unknown) => formatError(formatted, error, (cause) => logger.error(cause)),
});

/** Refuses `_service { sdl }`: in production a subgraph does not hand out its schema either. */
const noServiceSdl: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === '_service') context.reportError(new GraphQLError('The subgraph schema is not served in production.', { nodes: node }));
  },
});

/** A subgraph in this process, its errors formatted as its own server would format them. */
class InProcessSubgraph extends LocalGraphQLDataSource<GraphqlContext> {
  constructor(
    module: SubgraphModule,
    private readonly logger: GraphqlLogger,
  ) {
    super(buildSubgraphSchema([module]));
  }

  override async process(options: GraphQLDataSourceProcessOptions<GraphqlContext>) {
    const result = await super.process(options);
    if (!result.errors) return result;
    // Executed here, errors still hold their cause: map them once, like a subgraph server does.
    const errors = result.errors.map((e) => formatError('toJSON' in e ? (e as { toJSON(): Parameters<typeof formatError>[0] }).toJSON() : e, e, (cause) => this.logger.error(cause)));
    return { ...result, errors };
  }
}

/** A subgraph in its own process: the caller's credentials go along, so it authenticates them itself. */
class RemoteSubgraph extends RemoteGraphQLDataSource<GraphqlContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GraphqlContext>): void {
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
  }
}

/**
 * The gateway: Apollo's query planner over the committed supergraph, each subgraph reached where
 * `subgraphs` says, behind the limits of {@link GraphqlLimits}. Batches are allowed here and
 * bounded by the HTTP handler.
 */
export function createGatewayServer(
  options: ServerOptions & { readonly supergraphSdl: string; readonly subgraphs: Readonly<Record<string, SubgraphTarget>>; readonly limits?: GraphqlLimits },
): ApolloServer<GraphqlContext> {
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger: options.logger,
    buildService: ({ name, url }) => {
      const target = options.subgraphs[name];
      if (!target) throw new Error(`The supergraph names subgraph "${name}" (${url}), which this gateway was not given.`);
      return 'module' in target ? new InProcessSubgraph(target.module, options.logger) : new RemoteSubgraph({ url: target.url });
    },
  });
  return new ApolloServer<GraphqlContext>({
    ...common(options),
    ...protections(options.limits ?? DEFAULT_LIMITS, options.production),
    gateway,
    introspection: !options.production,
    allowBatchedHttpRequests: true,
  });
}

/**
 * One subgraph as its own server (`quanta up --split`). It answers `_service` and `_entities` to
 * the gateway; introspection follows the production switch, as on the gateway.
 */
export function createSubgraphServer(module: SubgraphModule, options: ServerOptions & { readonly limits?: GraphqlLimits }): ApolloServer<GraphqlContext> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  // The gateway's fetches nest a client's selection in `_entities { ... on T { … } }`: two levels more.
  const { plugins, validationRules, parseOptions } = protections({ ...limits, depth: limits.depth + 2 }, options.production);
  return new ApolloServer<GraphqlContext>({
    ...common(options),
    schema: buildSubgraphSchema([module]),
    introspection: !options.production,
    // In production the schema is served by nobody: the gateway reads the committed supergraph.
    validationRules: options.production ? [...validationRules, noServiceSdl] : validationRules,
    parseOptions,
    // Traces are for Apollo's hosted GraphOS, which Quanta does not report to.
    plugins: [...plugins, ApolloServerPluginInlineTraceDisabled()],
  });
}
