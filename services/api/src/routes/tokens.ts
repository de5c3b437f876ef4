import { Hono } from 'hono';
import { InvalidParameterError, parseOrThrow, TokenInputSchema } from '@quanta/model';
import type { AppDeps, AppEnv } from '../env.js';
import { acceptable, JSON_ONLY } from '../negotiate.js';
import { queryOf } from '../query.js';
import { readBody } from '../read-body.js';

const TOKEN_ID = /^tok_[A-Za-z0-9_-]{1,40}$/;

/**
 * `/api/v1/admin/tokens` (ADR 0016): admins create, list and revoke API tokens. A new token's
 * secret is in the creation's answer only; the store keeps its hash.
 */
export function tokenRoutes({ catalog, logger, maxBodyBytes }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(acceptable(JSON_ONLY));
  // Before anything of the request is read: a caller who may not manage tokens learns nothing more.
  app.use(async (c, next) => {
    catalog.tokens.requireAdmin(c.get('identity'), 'manage tokens');
    await next();
  });
  app.post('/', async (c) => {
    queryOf(c, []);
    const input = parseOrThrow(TokenInputSchema, await readBody(c, maxBodyBytes, 'a token request'), 'token request');
    const created = await catalog.tokens.create(input, c.get('identity'));
    // The secret never reaches a log line; the id names the token everywhere else.
    logger.info({ token: created.token.id, role: created.token.role, team: created.token.team, by: c.get('identity').subject }, 'API token created');
    return c.json(created, 201, { 'Cache-Control': 'no-store' });
  });
  app.get('/', async (c) => {
    queryOf(c, []);
    return c.json({ tokens: await catalog.tokens.list(c.get('identity')) });
  });
  app.delete('/:id', async (c) => {
    queryOf(c, []);
    const id = c.req.param('id');
    // Never echo the value: a secret pasted where an id belongs would land in answers and logs.
    if (!TOKEN_ID.test(id)) throw new InvalidParameterError('that is not a token id (tok_…); `quanta token list` shows them', [{ pointer: '/path/id', message: 'must be a token id such as tok_3fA9…' }]);
    const outcome = await catalog.tokens.revoke(id, c.get('identity'));
    logger.info({ token: id, outcome, by: c.get('identity').subject }, 'API token revoked');
    return c.json({ id, outcome });
  });
  return app;
}
