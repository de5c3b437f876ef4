import { composeServices } from '@apollo/composition';
import type { DocumentNode } from 'graphql';

/** A subgraph's name and SDL, as composition reads them. */
export interface SubgraphSdl {
  readonly name: string;
  readonly typeDefs: DocumentNode;
}

/** Composition failed: the messages say which types or fields clash, in which subgraphs. */
export class CompositionError extends Error {
  override readonly name = 'CompositionError';
}

/**
 * The routing URL a subgraph has in the committed supergraph. The gateway never dials it: it
 * reaches each subgraph in process, or at the address the deployment configures (ADR 0012).
 */
export const routingUrl = (name: string): string => `http://${name}.subgraph.quanta.invalid/graphql`;

/**
 * Composes the subgraphs into a supergraph SDL with Apollo's composition (Federation 2).
 *
 * @throws CompositionError listing every composition error
 */
export function composeSupergraph(subgraphs: readonly SubgraphSdl[]): string {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: routingUrl(s.name), typeDefs: s.typeDefs })));
  if (result.errors) throw new CompositionError(`The subgraphs do not compose:\n${result.errors.map((e) => `  ${e.message}`).join('\n')}`);
  return result.supergraphSdl;
}
