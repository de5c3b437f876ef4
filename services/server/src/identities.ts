import type { QuantaConfig } from '@quanta/config';
import { type Authenticator, bearerAuthenticator, oidcVerifier } from '@quanta/api';
import type { Catalog } from '@quanta/core';
import { SYSTEM } from '@quanta/model';
import type { Logger } from 'pino';

/** Production would start with no one able to do anything, or with everything open: it does neither. */
export class NoIdentitiesError extends Error {
  override readonly name = 'NoIdentitiesError';
}

/**
 * Makes sure someone can administer this Quanta (ADR 0016): the operator's `QUANTA_ADMIN_TOKEN`
 * is stored as a token; otherwise, on a first start in development, an admin token is created and
 * its secret returned, for the caller to show once. Production refuses to start with no token at all.
 * @returns the first admin's secret, on a development first start only
 * @throws NoIdentitiesError in production without any identity
 */
export async function bootstrapIdentities(catalog: Catalog, config: QuantaConfig, logger: Logger): Promise<string | undefined> {
  if (config.adminToken) {
    const outcome = await catalog.tokens.ensureAdmin(config.adminToken);
    if (outcome === 'revoked') logger.warn('QUANTA_ADMIN_TOKEN names a token that was revoked: it stays revoked; unset it or give a new one');
    else if (outcome === 'created') logger.info('QUANTA_ADMIN_TOKEN stored as an admin token');
  }
  if (config.production) {
    // A revoked, expired or reader token is no identity to run with: someone must be able to administer.
    if (!(await catalog.tokens.hasActiveAdmin())) {
      throw new NoIdentitiesError('production mode (NODE_ENV=production) needs identities: set QUANTA_ADMIN_TOKEN to an admin token (`quanta token secret` makes one), or keep one working admin token');
    }
    return undefined;
  }
  return config.adminToken ? undefined : catalog.tokens.firstAdmin();
}

/** The name of the reader token the server makes for its own UI, so each start can retire the last one. */
export const WEB_TOKEN_NAME = 'web UI (made by the server at start)';

/**
 * A reader token for the UI this server starts (ADR 0017): the UI reads the catalog with it for
 * visitors who have not signed in; anything a person does (rating, verdicts, their team's
 * reports) goes with that person's own token. A new one at each start, and the previous ones
 * revoked, so a secret left in an old process's environment stops working.
 */
export async function webReaderToken(catalog: Catalog): Promise<string> {
  for (const old of await catalog.tokens.list(SYSTEM)) {
    if (old.name === WEB_TOKEN_NAME && old.createdBy === SYSTEM.subject && !old.revokedAt) await catalog.tokens.revoke(old.id, SYSTEM);
  }
  return (await catalog.tokens.create({ name: WEB_TOKEN_NAME, role: 'reader' }, SYSTEM)).secret;
}

/**
 * Who each request is, in every HTTP process of this server: API tokens from the graph, and OIDC
 * access tokens when `QUANTA_OIDC_*` configure a provider (ADR 0017).
 */
export function authenticatorOf(catalog: Catalog, config: QuantaConfig): Authenticator {
  return bearerAuthenticator(catalog.tokens.authenticate, config.oidc && oidcVerifier(config.oidc));
}
