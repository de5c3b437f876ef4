import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createClient, UnreachableError } from './client.js';

// A loopback server that records what the client sent: the token is a header the real server only
// reads once authentication exists (issue 12), so the header itself is what is checked here.
describe('the CLI client', () => {
  let server: Server;
  let base = '';
  const seen: IncomingHttpHeaders[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers);
      const refused = req.url?.startsWith('/api/v1/search?q=refused');
      res.writeHead(refused ? 401 : 200, { 'Content-Type': refused ? 'application/problem+json' : 'application/json' });
      res.end(JSON.stringify(refused ? { title: 'Unauthorized', detail: 'a token is required' } : { total: 0, hits: [] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends --token as a bearer token on every call, and nothing without one', async () => {
    await createClient(base, { token: 's3cret' }).search('tides');
    await createClient(base).search('tides');
    expect(seen.at(-2)?.authorization).toBe('Bearer s3cret');
    expect(seen.at(-1)?.authorization).toBeUndefined();
  });

  it("turns a refusal into an ApiError with the server's title and detail", async () => {
    const err = await createClient(base).search('refused').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 401, message: '401 Unauthorized: a token is required' });
  });

  it('tells an unreachable server from an answer', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const err = await createClient(`http://127.0.0.1:${port}`).search('x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreachableError);
    expect((err as Error).message).toMatch(/cannot reach Quanta at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\): is it running\?/);
  });
});
