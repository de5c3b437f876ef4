import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, type JWK, SignJWT } from 'jose';
import { UnauthenticatedError, UnavailableError } from '@quanta/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerAuthenticator } from './identity.js';
import { oidcVerifier, type OidcSettings } from './oidc.js';

const ISSUER = 'https://login.example/realms/mesh';
const AUDIENCE = 'quanta';
const b64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/**
 * OIDC access tokens checked against a real JWKS served on loopback (issue 12, A2): what the
 * provider signed passes; `alg: none`, an unsigned token, HS256 "signed" with the provider's public
 * key (key confusion), a key the provider never published, and wrong or stale claims are 401s.
 */
describe('OIDC access tokens (ADR 0017)', () => {
  let server: Server;
  let settings: OidcSettings;
  let sign: (claims: Record<string, unknown>, options?: { expiresIn?: string; issuer?: string; audience?: string }) => Promise<string>;
  let publicPem: string;
  let jwks: { keys: JWK[] };
  let fetches = 0;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    publicPem = await exportSPKI(publicKey);
    jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] };
    server = createServer((_req, res) => {
      fetches++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(jwks));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
    settings = { issuer: ISSUER, audience: AUDIENCE, jwksUrl, algorithms: ['RS256', 'ES256'], groupsClaim: 'groups' };
    sign = (claims, o = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('ada')
        .setIssuer(o.issuer ?? ISSUER)
        .setAudience(o.audience ?? AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(o.expiresIn ?? '5m')
        .sign(privateKey);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const verify = () => oidcVerifier(settings);

  it('maps a valid token\'s groups to an identity: admin, owner team, consumer', async () => {
    const check = verify();
    expect(await check(await sign({ groups: ['quanta-team:sales', 'staff'] }))).toEqual({
      subject: 'oidc:ada',
      kind: 'user',
      admin: false,
      teams: ['sales'],
      consumer: 'urn:quanta:team:sales',
    });
    expect(await check(await sign({ groups: ['quanta-admin'] }))).toMatchObject({ admin: true, teams: [] });
    // No groups, or groups that are not team slugs: a reader.
    expect(await check(await sign({ groups: ['quanta-team:Not A Slug'] }))).toEqual({ subject: 'oidc:ada', kind: 'user', admin: false, teams: [] });
  });

  it('refuses alg none, an unsigned token, key confusion and a foreign key (A2)', async () => {
    const check = verify();
    const claims = { sub: 'mallory', iss: ISSUER, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 300, groups: ['quanta-admin'] };
    const none = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`;
    const unsigned = `${b64url({ alg: 'RS256', kid: 'k1' })}.${b64url(claims)}.`;
    const hsInput = `${b64url({ alg: 'HS256', kid: 'k1' })}.${b64url(claims)}`;
    const confused = `${hsInput}.${createHmac('sha256', publicPem).update(hsInput).digest('base64url')}`;
    const { privateKey: foreign } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ groups: ['quanta-admin'] }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('mallory').setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('5m').sign(foreign);
    for (const [name, jwt] of Object.entries({ none, unsigned, confused, forged })) {
      await expect(check(jwt), name).rejects.toBeInstanceOf(UnauthenticatedError);
    }
    await expect(check(confused)).rejects.toThrow(/algorithm this server does not accept/);
  });

  it('refuses an expired token, another issuer and another audience, saying which', async () => {
    const check = verify();
    await expect(check(await sign({}, { expiresIn: '-2m' }))).rejects.toThrow('the access token has expired');
    await expect(check(await sign({}, { issuer: 'https://evil.example' }))).rejects.toThrow(/"iss" claim/);
    await expect(check(await sign({}, { audience: 'another-app' }))).rejects.toThrow(/"aud" claim/);
  });

  it('keeps the keys it fetched, and answers 503 rather than 401 when the provider cannot be reached', async () => {
    const check = verify();
    const before = fetches;
    for (let i = 0; i < 5; i++) await check(await sign({}));
    expect(fetches - before).toBe(1);
    const unreachable = oidcVerifier({ ...settings, jwksUrl: 'http://127.0.0.1:9/jwks' });
    await expect(unreachable(await sign({}))).rejects.toBeInstanceOf(UnavailableError);
  });

  it('sends JWTs to OIDC and API tokens to the token store; a JWT without OIDC configured is a 401', async () => {
    const jwt = await sign({ groups: [] });
    const seen: string[] = [];
    const authenticate = bearerAuthenticator(async () => {
      seen.push('token');
      return { subject: 'token:tok_x', kind: 'service', admin: false, teams: [] };
    }, verify());
    const request = (credential: string) => new Request('http://q/api/v1/search', { headers: { Authorization: `Bearer ${credential}` } });
    expect((await authenticate(request(jwt))).subject).toBe('oidc:ada');
    expect((await authenticate(request(`quanta_${'A'.repeat(43)}`))).subject).toBe('token:tok_x');
    expect(seen).toEqual(['token']);
    const tokensOnly = bearerAuthenticator(async () => ({ subject: 'x', kind: 'service', admin: false, teams: [] }));
    await expect(tokensOnly(request(jwt))).rejects.toThrow(/OIDC is not configured/);
  });
});
