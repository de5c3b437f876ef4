import { expect, it } from 'vitest';
import { ConflictError } from '@quanta/model';
import type { StoredToken } from '../ports/identity-store.js';
import type { KnowledgeGraph } from '../ports/knowledge-graph.js';

const hash = (n: number) => n.toString(16).padStart(64, '0');
const token = (n: number, extra: Partial<StoredToken> = {}): StoredToken => ({
  id: `tok${n}`,
  hash: hash(n),
  name: `token ${n}`,
  role: 'owner',
  team: 'player',
  createdAt: `2026-01-0${n}T00:00:00.000Z`,
  createdBy: 'token:admin',
  ...extra,
});

/**
 * The identity half of the KnowledgeGraph contract (ADR 0016): tokens are found by the hash of their
 * secret, never change but for their revocation, and stay listed once revoked.
 * @param reopen closes the graph and opens its storage again, for backends with local storage
 */
export function identityCases(graph: () => KnowledgeGraph, reopen?: () => Promise<KnowledgeGraph>): void {
  it('stores tokens whole and finds each by the hash of its secret', async () => {
    const owner = token(1);
    const consumer = token(2, { role: 'consumer', team: undefined, consumer: 'urn:quanta:team:analytics', expiresAt: '2027-01-01T00:00:00.000Z' });
    const { team: _none, ...admin } = token(3, { role: 'admin' });
    for (const t of [owner, consumer, admin]) await graph().saveToken(t);
    expect(await graph().tokenByHash(hash(2))).toStrictEqual(Object.fromEntries(Object.entries(consumer).filter(([, v]) => v !== undefined)));
    expect(await graph().tokenByHash(hash(3))).toStrictEqual(admin);
    expect(await graph().tokenByHash(hash(9))).toBeUndefined();
    const { hash: _secret, ...listed } = owner;
    expect((await graph().listTokens()).map((t) => t.id)).toEqual(['tok1', 'tok2', 'tok3']);
    expect((await graph().listTokens())[0]).toStrictEqual(listed);
  });

  it('stores exactly the record\'s fields: a revocation given at creation, and nothing unknown', async () => {
    const revoked = token(4, { revokedAt: '2026-01-05T00:00:00.000Z' });
    await graph().saveToken({ ...revoked, secret: 'never stored' } as StoredToken);
    expect(await graph().tokenByHash(hash(4))).toStrictEqual(revoked);
  });

  it('refuses a second token with the same id or the same hash', async () => {
    await graph().saveToken(token(1));
    await expect(graph().saveToken(token(1, { hash: hash(5) }))).rejects.toBeInstanceOf(ConflictError);
    await expect(graph().saveToken(token(5, { hash: hash(1) }))).rejects.toBeInstanceOf(ConflictError);
    expect(await graph().listTokens()).toHaveLength(1);
  });

  it('revokes once, keeps the revoked token listed and found, and says when there was nothing to revoke', async () => {
    await graph().saveToken(token(1));
    expect(await graph().revokeToken('tok1', '2026-02-01T00:00:00.000Z')).toBe('revoked');
    expect(await graph().revokeToken('tok1', '2026-03-01T00:00:00.000Z')).toBe('already-revoked');
    expect(await graph().revokeToken('nope', '2026-03-01T00:00:00.000Z')).toBe('unknown');
    expect(await graph().tokenByHash(hash(1))).toMatchObject({ id: 'tok1', revokedAt: '2026-02-01T00:00:00.000Z' });
    expect(await graph().listTokens()).toEqual([expect.objectContaining({ id: 'tok1', revokedAt: '2026-02-01T00:00:00.000Z' })]);
  });

  if (reopen) {
    it('keeps tokens and revocations across a reopen', async () => {
      await graph().saveToken(token(1));
      await graph().saveToken(token(2));
      await graph().revokeToken('tok2', '2026-02-01T00:00:00.000Z');
      const reopened = await reopen();
      expect(await reopened.tokenByHash(hash(1))).toMatchObject({ id: 'tok1' });
      expect(await reopened.tokenByHash(hash(2))).toMatchObject({ revokedAt: '2026-02-01T00:00:00.000Z' });
    });
  }
}
