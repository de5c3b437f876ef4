import type { MiddlewareHandler } from 'hono';
import { ANONYMOUS, type Identity, isTokenSecret, UnauthenticatedError } from '@quanta/model';

/** Decides who sent a request; throws UnauthenticatedError for credentials that stand for no one. */
export type Authenticator = (request: Request) => Identity | Promise<Identity>;

/**
 * The one request middleware identity flows through: every handler reads `c.get('identity')`
 * and never looks at credentials itself.
 */
export function identify(authenticate: Authenticator): MiddlewareHandler {
  return async (c, next) => {
    c.set('identity', await authenticate(c.req.raw));
    await next();
  };
}

/** Three base64url parts: the shape of a JWS in compact form (RFC 7515 §7.1). */
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

/**
 * Reads `Authorization: Bearer <secret>` (RFC 6750) and asks who it stands for: an API token goes
 * to `verify`, a JWT to `verifyJwt` when OIDC is configured (ADR 0017). No header is the anonymous
 * caller; a header that is not a bearer token, or a token refused, is a 401 rather than anonymous,
 * so a client with a broken token hears so instead of seeing less.
 */
export function bearerAuthenticator(verify: (secret: string) => Promise<Identity>, verifyJwt?: (jwt: string) => Promise<Identity>): Authenticator {
  return async (request) => {
    const header = request.headers.get('authorization');
    if (header === null) return ANONYMOUS;
    const match = /^Bearer +([^\s]+) *$/i.exec(header);
    if (!match?.[1]) throw new UnauthenticatedError('the Authorization header must be "Bearer <token>"');
    const credential = match[1];
    if (!isTokenSecret(credential) && JWT.test(credential)) {
      if (!verifyJwt) throw new UnauthenticatedError('this server takes Quanta API tokens only: OIDC is not configured (QUANTA_OIDC_ISSUER)');
      return verifyJwt(credential);
    }
    return verify(credential);
  };
}
