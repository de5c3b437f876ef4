import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Identity, UnauthenticatedError } from '@quanta/model';
import { bearerAuthenticator } from './identity.js';

const OWNER: Identity = { subject: 'token:tok_1', kind: 'service', admin: false, teams: ['player'] };
const request = (authorization?: string) => new Request('http://q.example/api/v1/search', { headers: authorization ? { Authorization: authorization } : {} });

describe('bearerAuthenticator', () => {
  const seen: string[] = [];
  const authenticate = bearerAuthenticator(async (secret) => {
    seen.push(secret);
    if (secret === 'good') return OWNER;
    throw new UnauthenticatedError('unknown token');
  });

  it('reads the caller without a header as anonymous, and asks the verifier about a bearer secret', async () => {
    expect(await authenticate(request())).toBe(ANONYMOUS);
    expect(await authenticate(request('Bearer good'))).toBe(OWNER);
    expect(await authenticate(request('bearer   good'))).toBe(OWNER);
    expect(seen).toEqual(['good', 'good']);
  });

  it('refuses other schemes and empty or spaced tokens without asking the verifier', async () => {
    seen.length = 0;
    for (const header of ['Basic YTpi', 'Bearer', 'Bearer a b', 'Token good', 'good']) {
      await expect(authenticate(request(header)), header).rejects.toBeInstanceOf(UnauthenticatedError);
    }
    expect(seen).toEqual([]);
    await expect(authenticate(request('Bearer bad'))).rejects.toThrow('unknown token');
  });
});
