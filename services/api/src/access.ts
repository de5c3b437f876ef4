import type { MiddlewareHandler } from 'hono';
import { ForbiddenError, type Identity, UnauthenticatedError } from '@quanta/model';

/**
 * What a route asks of its caller, before anything of the request is read (ADR 0017):
 * - `public`: anyone, without credentials (health, metrics, the API's own description);
 * - `reader`: any valid token;
 * - `signals`: a caller with a consumer identity (owner or consumer tokens) or an admin;
 * - `owner`: an owner team's token or an admin (the use case then checks it is *this* product's team);
 * - `admin`: an admin.
 */
export type Requirement = 'public' | 'reader' | 'signals' | 'owner' | 'admin';

/** One row of the table: a method, a path pattern (`:name` is one segment) and what it asks. */
export interface AccessRule {
  readonly method: string;
  readonly path: string;
  readonly requires: Requirement;
}

/**
 * The one table of who may call what. Public routes are matched exactly, never by prefix or
 * substring (OpenMetadata CVE-2024-28255). A request no row matches needs a token, and an admin
 * unless it only reads, so a route added without a row is closed rather than open.
 */
export const ACCESS_RULES: readonly AccessRule[] = [
  { method: 'GET', path: '/healthz', requires: 'public' },
  { method: 'GET', path: '/readyz', requires: 'public' },
  { method: 'GET', path: '/metrics', requires: 'public' },
  { method: 'GET', path: '/api/v1/openapi.json', requires: 'public' },
  { method: 'GET', path: '/api/v1/problems/:kind', requires: 'public' },
  { method: 'GET', path: '/ns/context.jsonld', requires: 'public' },
  { method: 'POST', path: '/graphql', requires: 'reader' },
  { method: 'POST', path: '/api/v1/products/validate', requires: 'reader' },
  { method: 'PUT', path: '/api/v1/products', requires: 'owner' },
  { method: 'DELETE', path: '/api/v1/products/:iri', requires: 'owner' },
  { method: 'POST', path: '/api/v1/products/:iri/slo-checks', requires: 'owner' },
  { method: 'PUT', path: '/api/v1/products/:iri/duplicates/:other', requires: 'owner' },
  { method: 'POST', path: '/api/v1/lineage', requires: 'owner' },
  { method: 'POST', path: '/api/v1/lineage/batch', requires: 'owner' },
  { method: 'PUT', path: '/api/v1/products/:iri/ratings/:consumer', requires: 'signals' },
  { method: 'POST', path: '/api/v1/usage', requires: 'signals' },
  { method: 'POST', path: '/api/v1/admin/tokens', requires: 'admin' },
  { method: 'GET', path: '/api/v1/admin/tokens', requires: 'admin' },
  { method: 'DELETE', path: '/api/v1/admin/tokens/:id', requires: 'admin' },
  { method: 'POST', path: '/api/v1/admin/reindex', requires: 'admin' },
  { method: 'POST', path: '/api/v1/admin/reconcile', requires: 'admin' },
  { method: 'POST', path: '/api/v1/admin/insights', requires: 'admin' },
  { method: 'POST', path: '/api/v1/admin/backup', requires: 'admin' },
  // A read, but of who rated what: admins only, like the reviews it leads to.
  { method: 'GET', path: '/api/v1/admin/rating-bursts', requires: 'admin' },
  { method: 'POST', path: '/api/v1/admin/rating-reviews', requires: 'admin' },
];

/** What a request with no row asks: reading needs a token, anything else an admin. */
const fallback = (method: string): Requirement => (method === 'GET' || method === 'HEAD' || method === 'OPTIONS' ? 'reader' : 'admin');

/**
 * What `method path` asks, by the table. `path` is the URL's pathname as the router sees it (the
 * URL parser has already resolved `.`, `..` and their `%2e` spellings); one trailing slash is
 * ignored, as the router ignores it, so it cannot reach a looser row.
 */
export function requirementOf(method: string, path: string, rules: readonly AccessRule[] = ACCESS_RULES): Requirement {
  const asked = method === 'HEAD' ? 'GET' : method;
  const trimmed = path.length > 1 ? path.replace(/\/$/, '') : path;
  const rule = rules.find((r) => r.method === asked && matches(r.path, trimmed));
  if (rule?.requires === 'public' && trimmed !== path) return fallback(method);
  return rule?.requires ?? fallback(method);
}

/** Segment by segment: literal segments equal, `:name` any one non-empty segment. */
function matches(pattern: string, path: string): boolean {
  const want = pattern.split('/');
  const got = path.split('/');
  return want.length === got.length && want.every((w, i) => (w.startsWith(':') ? (got[i] ?? '') !== '' : w === got[i]));
}

/** Whether `identity` meets `requirement`; the checks that need the product are the use cases'. */
export function meets(identity: Identity, requirement: Requirement): boolean {
  switch (requirement) {
    case 'public':
      return true;
    case 'reader':
      return identity.kind !== 'anonymous';
    case 'signals':
      return identity.admin || identity.consumer !== undefined;
    case 'owner':
      return identity.admin || identity.teams.length > 0;
    case 'admin':
      return identity.admin;
  }
}

const WHY: Record<Exclude<Requirement, 'public' | 'reader'>, string> = {
  signals: 'this needs a consumer or owner token (signals are recorded as the caller\'s consumer)',
  owner: 'this needs an owner team\'s token',
  admin: 'this needs an admin token',
};

/**
 * The one authorization gate, right after the identity middleware and before any route: a caller
 * without a token is a 401 on everything but the public rows, a caller without the role a 403,
 * and neither gets as far as a body being read or a parameter being parsed.
 */
export function authorize(rules: readonly AccessRule[] = ACCESS_RULES): MiddlewareHandler {
  return async (c, next) => {
    // The URL parser's pathname, not Hono's decoded `c.req.path`: `%2f` must stay one segment's text.
    const requirement = requirementOf(c.req.method, new URL(c.req.url).pathname, rules);
    const identity = c.get('identity') as Identity;
    if (requirement !== 'public' && identity.kind === 'anonymous') {
      throw new UnauthenticatedError('this needs an API token: send "Authorization: Bearer <token>" (`quanta token create` makes one)');
    }
    if (requirement !== 'public' && requirement !== 'reader' && !meets(identity, requirement)) throw new ForbiddenError(WHY[requirement]);
    await next();
  };
}
