import type { Identity } from '@quanta/model';

/**
 * What every GraphQL resolver may know of its request, on the gateway and on every subgraph: who
 * asked (from the API's one identity middleware), and the credentials to pass on to subgraphs in
 * their own processes, so each authenticates the caller itself.
 */
export interface GraphqlContext {
  readonly identity: Identity;
  readonly authorization?: string;
}
