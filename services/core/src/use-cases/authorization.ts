import { ForbiddenError, type Identity, type Iri, UnauthenticatedError } from '@quanta/model';

/**
 * Who may do what to which product (DESIGN.md §9.6, ADR 0017). The transport has already let
 * only the right roles through (`services/api/src/access.ts`); these checks need the product, so
 * they live in the use cases, where every transport (REST, GraphQL, in-process) passes through.
 */

/** Anonymous callers change nothing; a route that forgot its gate still cannot write. */
function requireAuthenticated(identity: Identity): void {
  if (identity.kind === 'anonymous') throw new UnauthenticatedError('this needs an API token: send "Authorization: Bearer <token>"');
}

/**
 * Only the team that owns a product (or an admin) registers, changes or retires it.
 * @throws ForbiddenError naming the team that may
 */
export function requireOwner(identity: Identity, team: string, action: string): void {
  requireAuthenticated(identity);
  if (identity.admin || identity.teams.includes(team)) return;
  throw new ForbiddenError(`only team ${team} (or an admin) may ${action}; ${describe(identity)}`);
}

/**
 * Signals carry the caller's own consumer identity: no one rates or reports usage on someone
 * else's behalf. Admins may, for corrections and imports.
 * @throws ForbiddenError naming the consumer the caller may act as
 */
export function requireConsumer(identity: Identity, consumer: Iri, action: string): void {
  requireAuthenticated(identity);
  if (identity.admin || identity.consumer === consumer) return;
  const own = identity.consumer ? `your token acts as ${identity.consumer}` : 'your token acts as no consumer (ask for a consumer or owner token)';
  throw new ForbiddenError(`you may ${action} only as yourself, not as ${consumer}: ${own}`);
}

/**
 * May the caller report this usage? Either it is its own use (the consumer is the caller), or the
 * caller owns the product and reports what its serving side observed (the sidecar's case): the
 * product's team sees every read of its ports, and may vouch only for its own products.
 */
export function mayReportUsage(identity: Identity, consumer: Iri, productTeam: string): boolean {
  return identity.admin || identity.consumer === consumer || identity.teams.includes(productTeam);
}

/**
 * The owner team an owner-scoped report is for: reports about a team's products are that team's
 * and the admins' to read. A caller with one team who names none gets its own.
 * @throws ForbiddenError when the caller asks for a team it does not own, or for everyone's
 */
export function reportScope(identity: Identity, owner: string | undefined): string | undefined {
  requireAuthenticated(identity);
  if (identity.admin) return owner;
  if (owner === undefined && identity.teams.length === 1) return identity.teams[0];
  if (owner !== undefined && identity.teams.includes(owner)) return owner;
  const whose = owner === undefined ? 'every team' : `team ${owner}`;
  throw new ForbiddenError(`the report for ${whose} is for its owners and admins only; ${describe(identity)}`);
}

function describe(identity: Identity): string {
  if (identity.teams.length > 0) return `your token is for team ${identity.teams.join(', ')}`;
  return identity.consumer ? `your token is a consumer's (${identity.consumer})` : 'your token may only read';
}
