import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendEnv, CLI, call, openServerGraph, resetBackend, SERVER_MAIN, startQuanta, type QuantaProcess } from '../src/index.js';

/** The real `quanta` binary, acting with `token`. */
const quanta = (url: string, token: string | undefined, ...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args, '--server', url, ...(token ? ['--token', token] : [])], { encoding: 'utf8' });

/** A GET with a raw Authorization header (or none). */
const get = (url: string, path: string, authorization?: string) => fetch(new URL(path, url), { headers: authorization ? { Authorization: authorization } : {} });

const EMBEDDED = process.env.QUANTA_E2E_GRAPH !== 'neo4j';

describe('identities: API tokens created, used and revoked (issue 12, ADR 0016)', () => {
  let q: QuantaProcess;
  let admin: string;
  beforeAll(async () => {
    q = await startQuanta();
    admin = q.adminToken as string;
  });
  afterAll(async () => {
    await q?.stop();
    q?.cleanup();
  });

  it('creates an owner token through the CLI, shows its secret once, lists it without, and stores only its hash', async () => {
    const created = quanta(q.url, admin, 'token', 'create', '--name', 'player CI', '--role', 'owner', '--team', 'player', '--json');
    expect(created.stderr).toBe('');
    const { token, secret } = JSON.parse(created.stdout) as { token: { id: string; role: string; team: string; createdBy: string }; secret: string };
    expect(secret).toMatch(/^quanta_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ role: 'owner', team: 'player', createdBy: expect.stringMatching(/^token:tok_/) });
    const listed = quanta(q.url, admin, 'token', 'list');
    expect(listed.stdout).toContain(`${token.id}  owner team player  “player CI”`);
    expect(listed.stdout).not.toContain(secret);
    const hash = createHash('sha256').update(secret).digest('hex');
    if (EMBEDDED) {
      // The running server holds the file's lock, so its bytes are read instead: the hash is there
      // (in the database or its write-ahead log), the secret nowhere.
      const bytes = readdirSync(q.dataDir).map((file) => readFileSync(join(q.dataDir, file)));
      expect(bytes.some((b) => b.includes(Buffer.from(hash)))).toBe(true);
      for (const b of bytes) expect(b.includes(Buffer.from(secret))).toBe(false);
    } else {
      const graph = await openServerGraph(q.dataDir);
      try {
        expect(await graph.tokenByHash(hash)).toMatchObject({ id: token.id });
        expect(JSON.stringify(await graph.listTokens())).not.toContain(secret);
      } finally {
        await graph.close();
      }
    }
    expect((await get(q.url, '/api/v1/search?q=x', `Bearer ${secret}`)).status).toBe(200);
  });

  it('answers 401 with WWW-Authenticate for a missing, malformed, unknown or badly framed token on a route that needs one (A1)', async () => {
    const unknown = `quanta_${'A'.repeat(43)}`;
    for (const authorization of [undefined, 'Bearer nonsense', `Bearer ${unknown}`, `Basic ${Buffer.from('a:b').toString('base64')}`, 'Bearer']) {
      const res = await get(q.url, '/api/v1/admin/tokens', authorization);
      expect(res.status, String(authorization)).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="quanta"');
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    // Refused before the body is read: an anonymous caller learns nothing of what a token request holds.
    const blind = await call(q.url, 'POST', '/api/v1/admin/tokens', {}, 'application/json', { Authorization: '' });
    expect(blind.status).toBe(401);
    expect(blind.body.errors ?? []).toEqual([]);
    // A broken token is refused even where no token is needed, so its holder hears it is broken.
    expect((await get(q.url, '/healthz', `Bearer ${unknown}`)).status).toBe(401);
    // Without one, only the public routes answer (ADR 0017).
    expect((await get(q.url, '/api/v1/search?q=x')).status).toBe(401);
    expect((await get(q.url, '/healthz')).status).toBe(200);
  });

  it('lets only admins manage tokens: 403 for an owner, with nothing created (A4)', async () => {
    const owner = JSON.parse(quanta(q.url, admin, 'token', 'create', '--name', 'owner', '--role', 'owner', '--team', 'radio', '--json').stdout) as { secret: string };
    const before = JSON.parse(quanta(q.url, admin, 'token', 'list', '--json').stdout) as unknown[];
    const refused = quanta(q.url, owner.secret, 'token', 'create', '--name', 'sneaky', '--role', 'admin');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^quanta: 403 Not allowed: this needs an admin token/);
    expect(JSON.parse(quanta(q.url, admin, 'token', 'list', '--json').stdout)).toHaveLength(before.length);
  });

  it('refuses a revoked token at once, and an expired one (A5)', async () => {
    const { token, secret } = JSON.parse(quanta(q.url, admin, 'token', 'create', '--name', 'short-lived', '--role', 'reader', '--json').stdout) as { token: { id: string }; secret: string };
    expect((await get(q.url, '/api/v1/search?q=x', `Bearer ${secret}`)).status).toBe(200);
    expect(quanta(q.url, admin, 'token', 'revoke', token.id).stdout).toBe(`revoked ${token.id}\n`);
    const res = await get(q.url, '/api/v1/search?q=x', `Bearer ${secret}`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { detail: string }).detail).toBe(`the token ${token.id} was revoked`);
    expect(quanta(q.url, admin, 'token', 'revoke', token.id).stdout).toBe(`${token.id} was revoked already\n`);
    expect(quanta(q.url, admin, 'token', 'revoke', 'tok_nope').status).toBe(1);

    const soon = new Date(Date.now() + 5000).toISOString();
    const expiring = JSON.parse(quanta(q.url, admin, 'token', 'create', '--name', 'expiring', '--role', 'reader', '--expires', soon, '--json').stdout) as { secret: string };
    await new Promise((resolve) => setTimeout(resolve, 5500));
    const expired = await get(q.url, '/api/v1/search?q=x', `Bearer ${expiring.secret}`);
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { detail: string }).detail).toMatch(/expired at /);
    const past = await call(q.url, 'POST', '/api/v1/admin/tokens', { name: 'x', role: 'reader', expiresAt: '2020-01-01T00:00:00Z' }, 'application/json', { Authorization: `Bearer ${admin}` });
    expect(past.status).toBe(422);
  });

  it('checks what a token request says: an owner names its team, a consumer its consumer', async () => {
    const bad = await call(q.url, 'POST', '/api/v1/admin/tokens', { name: 'x', role: 'owner', consumer: 'analytics' }, 'application/json', { Authorization: `Bearer ${admin}` });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        { pointer: '/team', message: 'an owner token names its team' },
        { pointer: '/consumer', message: 'only consumer tokens name a consumer' },
      ]),
    );
  });
});

describe('bootstrapping the first admin (ADR 0016)', () => {
  it('creates an admin token on a first development start, off the log (a private file), and not again on a restart', async () => {
    const q = await startQuanta({ adminToken: false });
    try {
      // Not on a terminal, so the secret goes to a file only its owner reads, and the log names the file.
      const file = join(q.dataDir, 'first-admin-token');
      const secret = readFileSync(file, 'utf8').trim();
      expect(secret).toMatch(/^quanta_[A-Za-z0-9_-]{43}$/);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(q.output()).not.toContain(secret);
      expect(q.output()).toContain('first-admin-token');
      expect((await get(q.url, '/api/v1/admin/tokens', `Bearer ${secret}`)).status).toBe(200);
      await q.stop();
      rmSync(file);
      const again = await q.restart();
      try {
        expect(existsSync(file)).toBe(false);
        expect((await get(again.url, '/api/v1/admin/tokens', `Bearer ${secret}`)).status).toBe(200);
      } finally {
        await again.stop();
      }
    } finally {
      q.cleanup();
    }
  });

  it('refuses to start in production without identities, saying what to set', async () => {
    await resetBackend(); // an empty graph on any backend: no token left by another suite
    const dataDir = mkdtempSync(join(tmpdir(), 'quanta-prod-'));
    try {
      const run = spawnSync(process.execPath, [SERVER_MAIN, '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir], {
        encoding: 'utf8',
        timeout: 60_000,
        env: { PATH: process.env.PATH ?? '', ...backendEnv(), NODE_ENV: 'production', QUANTA_LOG_LEVEL: 'warn' },
      });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/production mode \(NODE_ENV=production\) needs identities: set QUANTA_ADMIN_TOKEN/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
