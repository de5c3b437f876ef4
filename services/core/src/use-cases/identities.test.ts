import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, type Identity, newTokenSecret, TokenInputSchema, UnauthenticatedError, ValidationError } from '@quanta/model';
import { manualClock } from '../ports/clock.js';
import type { StoredToken } from '../ports/identity-store.js';
import type { CatalogDeps } from './deps.js';
import { authenticateToken, createToken, ensureAdminToken, hashToken, hasActiveAdmin } from './identities.js';

const ADMIN: Identity = { subject: 'token:tok_admin', kind: 'service', admin: true, teams: [] };

/** The token half of a graph, in memory, with a hook to lose a race on the next save. */
function tokenGraph() {
  const tokens = new Map<string, StoredToken>();
  let racing: StoredToken | undefined;
  const graph = {
    saveToken: async (t: StoredToken) => {
      if (racing) {
        tokens.set(racing.hash, racing);
        racing = undefined;
      }
      if ([...tokens.values()].some((k) => k.id === t.id || k.hash === t.hash)) throw new ConflictError('exists');
      tokens.set(t.hash, t);
    },
    tokenByHash: async (hash: string) => tokens.get(hash),
    listTokens: async () => [...tokens.values()],
    revokeToken: async () => 'unknown' as const,
  };
  return { graph, tokens, loseNextRaceTo: (t: StoredToken) => (racing = t) };
}

function setup() {
  const clock = manualClock(Date.parse('2026-06-01T00:00:00Z'));
  const store = tokenGraph();
  return { clock, store, deps: { graph: store.graph, clock } as unknown as CatalogDeps };
}

describe('API tokens (ADR 0016)', () => {
  it('records a consumer named by team slug (read through the schema, as the API reads it) as the team IRI, and a product IRI as it is', async () => {
    const { deps } = setup();
    const team = await createToken(deps, TokenInputSchema.parse({ name: 'a', role: 'consumer', consumer: 'analytics' }), ADMIN);
    const product = await createToken(deps, TokenInputSchema.parse({ name: 'b', role: 'consumer', consumer: 'https://x.example/p' }), ADMIN);
    expect(team.token.consumer).toBe('urn:quanta:team:analytics');
    expect(await authenticateToken(deps, team.secret)).toMatchObject({ consumer: 'urn:quanta:team:analytics', admin: false, teams: [] });
    expect((await authenticateToken(deps, product.secret)).consumer).toBe('https://x.example/p');
  });

  it('gives an owner its team and the team as consumer, and an admin nothing else', async () => {
    const { deps } = setup();
    const owner = await createToken(deps, { name: 'o', role: 'owner', team: 'player' }, ADMIN);
    expect(await authenticateToken(deps, owner.secret)).toEqual({ subject: `token:${owner.token.id}`, kind: 'service', admin: false, teams: ['player'], consumer: 'urn:quanta:team:player' });
  });

  it('lets no one but admins create tokens: 401 anonymous, 403 others', async () => {
    const { deps } = setup();
    await expect(createToken(deps, { name: 'x', role: 'reader' }, { subject: 'anonymous', kind: 'anonymous', admin: false, teams: [] })).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(createToken(deps, { name: 'x', role: 'reader' }, { ...ADMIN, admin: false })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('expires a token at its expiry exactly, and fails closed on an expiry it cannot read', async () => {
    const { deps, clock, store } = setup();
    const t = await createToken(deps, { name: 'e', role: 'reader', expiresAt: '2026-06-01T00:00:10Z' }, ADMIN);
    clock.advance(9_999);
    await expect(authenticateToken(deps, t.secret)).resolves.toMatchObject({ subject: `token:${t.token.id}` });
    clock.advance(1);
    await expect(authenticateToken(deps, t.secret)).rejects.toThrow(/expired at 2026-06-01T00:00:10.000Z/);
    const broken = newTokenSecret();
    store.tokens.set(hashToken(broken), { ...t.token, id: 'tok_broken', hash: hashToken(broken), expiresAt: 'not a date' });
    await expect(authenticateToken(deps, broken)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(createToken(deps, { name: 'late', role: 'reader', expiresAt: '2026-01-01T00:00:00Z' }, ADMIN)).rejects.toBeInstanceOf(ValidationError);
  });

  it('stores QUANTA_ADMIN_TOKEN once, and takes a race lost to another process for success', async () => {
    const { deps, store } = setup();
    const secret = newTokenSecret();
    expect(await ensureAdminToken(deps, secret)).toBe('created');
    expect(await ensureAdminToken(deps, secret)).toBe('exists');
    const other = newTokenSecret();
    store.loseNextRaceTo({ id: 'tok_other', hash: hashToken(other), name: 'admin', role: 'admin', createdAt: '2026-06-01T00:00:00Z', createdBy: 'quanta:bootstrap' });
    expect(await ensureAdminToken(deps, other)).toBe('exists');
    await expect(ensureAdminToken(deps, 'not-a-secret')).rejects.toBeInstanceOf(ValidationError);
  });

  it('counts only an admin token that works as the identity production needs', async () => {
    const { deps, clock, store } = setup();
    expect(await hasActiveAdmin(deps)).toBe(false);
    await createToken(deps, { name: 'r', role: 'reader' }, ADMIN);
    const admin = await createToken(deps, { name: 'a', role: 'admin', expiresAt: '2026-06-02T00:00:00Z' }, ADMIN);
    expect(await hasActiveAdmin(deps)).toBe(true);
    clock.advance(86_400_000);
    expect(await hasActiveAdmin(deps)).toBe(false);
    store.tokens.set('x', { ...admin.token, hash: 'x', expiresAt: undefined, revokedAt: '2026-06-01T12:00:00Z' } as StoredToken);
    expect(await hasActiveAdmin(deps)).toBe(false);
  });
});
