/**
 * @module
 * Quanta's REST API v1: `createApp(deps)` wires routes over the catalog; `main.ts` in the server
 * package listens.
 */
export { createApp, createGraphqlApp } from './app.js';
export type { AppDeps, AppEnv } from './env.js';
export { bearerAuthenticator, type Authenticator } from './identity.js';
export { oidcVerifier, type OidcSettings } from './oidc.js';
export { PROBLEMS, problemType, type Problem, type ProblemKind } from './problems.js';
export { openApiDocument } from './openapi.js';
