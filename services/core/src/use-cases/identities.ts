import { createHash, randomBytes } from 'node:crypto';
import {
  type ApiToken,
  ConflictError,
  ForbiddenError,
  type Identity,
  NotFoundError,
  isTokenSecret,
  newTokenSecret,
  type TokenInput,
  tokenIdentity,
  UnauthenticatedError,
  ValidationError,
} from '@quanta/model';
import type { CatalogDeps } from './deps.js';

/** The hex SHA-256 of a secret: what the store keeps and looks tokens up by. */
export const hashToken = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/** True when the token works at `now`: not revoked, and not expired (an expiry that does not parse counts as passed). */
function usable(token: ApiToken, now: number): boolean {
  return token.revokedAt === undefined && (token.expiresAt === undefined ? Infinity : Date.parse(token.expiresAt)) > now;
}

/**
 * Only admins pass: anonymous callers hear 401, others 403. Transports call it before they read a
 * body, so a refused caller learns nothing about what the body should hold.
 */
export function requireAdmin(by: Identity, what: string): void {
  if (by.kind === 'anonymous') throw new UnauthenticatedError(`only admins may ${what}: send an admin token`);
  if (!by.admin) throw new ForbiddenError(`only admins may ${what}`);
}

/** A new token, and its secret: shown this once, since only its hash is kept. */
export interface CreatedToken {
  readonly token: ApiToken;
  readonly secret: string;
}

/**
 * Creates a token (admins only). A consumer given as a team slug is kept as that team's IRI, the
 * form usage reports and ratings record.
 * @throws ForbiddenError for a caller that is not an admin
 */
export async function createToken(deps: CatalogDeps, input: TokenInput, by: Identity, secret = newTokenSecret()): Promise<CreatedToken> {
  requireAdmin(by, 'create tokens');
  if (input.expiresAt && Date.parse(input.expiresAt) <= deps.clock.now()) {
    throw new ValidationError('the token would be expired already', [{ pointer: '/expiresAt', message: 'must be in the future' }]);
  }
  const token: ApiToken = {
    id: `tok_${randomBytes(9).toString('base64url')}`,
    name: input.name,
    role: input.role,
    ...(input.team && { team: input.team }),
    ...(input.consumer && { consumer: input.consumer }),
    createdAt: new Date(deps.clock.now()).toISOString(),
    createdBy: by.subject,
    ...(input.expiresAt && { expiresAt: new Date(input.expiresAt).toISOString() }),
  };
  await deps.graph.saveToken({ ...token, hash: hashToken(secret) });
  return { token, secret };
}

/** Every token, without secrets (admins only). */
export async function listTokens(deps: CatalogDeps, by: Identity): Promise<readonly ApiToken[]> {
  requireAdmin(by, 'list tokens');
  return deps.graph.listTokens();
}

/**
 * Revokes a token (admins only): from now on it authenticates no one, in every process.
 * @returns whether it was revoked now or already
 * @throws NotFoundError for an unknown id
 */
export async function revokeToken(deps: CatalogDeps, id: string, by: Identity): Promise<'revoked' | 'already-revoked'> {
  requireAdmin(by, 'revoke tokens');
  const outcome = await deps.graph.revokeToken(id, new Date(deps.clock.now()).toISOString());
  if (outcome === 'unknown') throw new NotFoundError(`no token ${id}`);
  return outcome;
}

/**
 * The identity a token secret stands for.
 * @throws UnauthenticatedError for a secret that is malformed, unknown, revoked or expired
 */
export async function authenticateToken(deps: CatalogDeps, secret: string): Promise<Identity> {
  if (!isTokenSecret(secret)) throw new UnauthenticatedError('the bearer token is not a Quanta API token');
  const token = await deps.graph.tokenByHash(hashToken(secret));
  if (!token) throw new UnauthenticatedError('the token is not known: it may have been mistyped, or belong to another Quanta');
  if (token.revokedAt !== undefined) throw new UnauthenticatedError(`the token ${token.id} was revoked`);
  if (!usable(token, deps.clock.now())) throw new UnauthenticatedError(`the token ${token.id} expired at ${token.expiresAt}`);
  return tokenIdentity(token);
}

/** The identity of the process that bootstraps admins: not a caller, never sent over the wire. */
const BOOTSTRAP: Identity = Object.freeze({ subject: 'quanta:bootstrap', kind: 'service', admin: true, teams: [] });

/**
 * Makes sure an operator-chosen admin secret (`QUANTA_ADMIN_TOKEN`) is a token. Once stored it is
 * an ordinary token: revoking it holds, even while the variable still names it.
 * @returns whether it was stored now, is stored, or was revoked
 */
export async function ensureAdminToken(deps: CatalogDeps, secret: string): Promise<'created' | 'exists' | 'revoked'> {
  if (!isTokenSecret(secret)) {
    throw new ValidationError(`an admin token must look like quanta_ followed by 43 base64url characters (\`quanta token secret\` makes one)`);
  }
  const stored = async () => {
    const known = await deps.graph.tokenByHash(hashToken(secret));
    return known && (known.revokedAt !== undefined ? ('revoked' as const) : ('exists' as const));
  };
  const before = await stored();
  if (before) return before;
  try {
    await createToken(deps, { name: 'admin (QUANTA_ADMIN_TOKEN)', role: 'admin' }, BOOTSTRAP, secret);
    return 'created';
  } catch (error) {
    // Another process starting with the same variable stored it first: that is success too.
    const after = error instanceof ConflictError ? await stored() : undefined;
    if (!after) throw error;
    return after;
  }
}

/** True when some admin token works now: not revoked, not expired. Production needs one to start. */
export async function hasActiveAdmin(deps: CatalogDeps): Promise<boolean> {
  const now = deps.clock.now();
  return (await deps.graph.listTokens()).some((t) => t.role === 'admin' && usable(t, now));
}

/**
 * On a first start without any token, creates an admin token and returns its secret, to be shown
 * once; undefined once any token exists.
 */
export async function firstAdminToken(deps: CatalogDeps): Promise<string | undefined> {
  if ((await deps.graph.listTokens()).length > 0) return undefined;
  return (await createToken(deps, { name: 'first admin (printed at first start)', role: 'admin' }, BOOTSTRAP)).secret;
}
