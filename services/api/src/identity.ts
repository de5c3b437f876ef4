import type { MiddlewareHandler } from 'hono';
import type { Identity } from '@quanta/model';

/** Decides who sent a request. Issue 12 brings token authenticators; the default is anonymous. */
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
