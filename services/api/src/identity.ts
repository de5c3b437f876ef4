import type { MiddlewareHandler } from 'hono';
import { ANONYMOUS, type Identity, UnauthenticatedError } from '@quanta/model';

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

/**
 * Reads `Authorization: Bearer <secret>` (RFC 6750) and asks `verify` who it stands for. No header
 * is the anonymous caller; a header that is not a bearer token, or a token `verify` refuses, is a 401
 * rather than anonymous, so a client with a broken token hears so instead of seeing less.
 */
export function bearerAuthenticator(verify: (secret: string) => Promise<Identity>): Authenticator {
  return async (request) => {
    const header = request.headers.get('authorization');
    if (header === null) return ANONYMOUS;
    const match = /^Bearer +([^\s]+) *$/i.exec(header);
    if (!match?.[1]) throw new UnauthenticatedError('the Authorization header must be "Bearer <token>"');
    return verify(match[1]);
  };
}
