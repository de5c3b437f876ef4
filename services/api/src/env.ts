import type { Catalog } from '@quanta/core';
import type { Identity } from '@quanta/model';
import type { Logger } from 'pino';
import type { LoadLimits } from './load-limits.js';

/** What `createApp` needs: the use cases, a logger and the transport's limits. */
export interface AppDeps {
  readonly catalog: Catalog;
  readonly logger: Logger;
  /** Largest request body accepted, in bytes. */
  readonly maxBodyBytes: number;
  /** Decides who sent each request; by default, the bearer API tokens of the catalog (ADR 0016). */
  readonly authenticate?: (request: Request) => Identity | Promise<Identity>;
  /** Per-identity rate limits and the in-flight cap; none when absent (in-process tests). */
  readonly limits?: LoadLimits;
  /**
   * Takes a consistent backup of the knowledge graph where the server keeps backups (F6); absent
   * where the graph is backed up by its own tools (Neo4j: `neo4j-admin database dump`).
   */
  readonly backup?: () => Promise<{ readonly file: string; readonly bytes: number }>;
  /** True once the process is shutting down: `/readyz` answers 503 so balancers stop sending, while held requests finish. */
  readonly draining?: () => boolean;
  /** Shown in `/healthz` and the OpenAPI document. */
  readonly version?: string;
  /**
   * Answers `/graphql` (the gateway, or one subgraph of a split deployment) for the request's
   * identity, as the one identity middleware decided it, and the credentials it came with.
   */
  readonly graphql?: (request: Request, context: { readonly identity: Identity; readonly authorization?: string }) => Promise<Response>;
}

/** Hono's typing of what middleware puts on the context. */
export interface AppEnv {
  Variables: { identity: Identity; requestId: string; mediaType: string };
}
