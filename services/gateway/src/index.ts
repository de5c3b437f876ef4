/**
 * @module
 * The supergraph (DESIGN.md §6): composition of the subgraphs into the committed SDL, the Apollo
 * gateway that serves it with depth, cost and batch limits, the subgraph servers of a split
 * deployment, and the HTTP handler both are mounted with.
 */
export { composeSupergraph, CompositionError, routingUrl, type SubgraphSdl } from './compose.js';
export type { GraphqlContext } from './context.js';
export { formatError } from './errors.js';
export { graphqlHandler, type GraphqlHandler, type HttpLimits } from './http.js';
export { DEFAULT_LIMITS, type GraphqlLimits } from './limits.js';
export { createGatewayServer, createSubgraphServer, type GraphqlLogger, type ServerOptions, type SubgraphModule, type SubgraphTarget } from './servers.js';
export { perRequest } from './per-request.js';
export { readSdl } from './sdl.js';
export { readSupergraph, SUPERGRAPH_FILE } from './supergraph.js';
