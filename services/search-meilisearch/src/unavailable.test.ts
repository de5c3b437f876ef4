import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Meilisearch, MeilisearchApiError } from 'meilisearch';
import { UnavailableError } from '@quanta/model';
import { afterEach, describe, expect, it } from 'vitest';
import { MeilisearchSearchIndex } from './meilisearch-search-index.js';
import { toUnavailable } from './unavailable.js';

// Real failures of the real client, no Meilisearch needed: a port nobody listens on, and a
// local HTTP server standing in for a broken engine (or the proxy in front of it).
const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function engine(answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(answer);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const answering = (status: number, body: string, type = 'application/json') =>
  engine((_req, res) => res.writeHead(status, { 'content-type': type }).end(body));

const failureOf = (work: Promise<unknown>): Promise<unknown> => work.then(() => 'resolved', (error: unknown) => error);

describe('toUnavailable', () => {
  it('makes a refused connection an UnavailableError, also when opening the index', async () => {
    const refused = await failureOf(new Meilisearch({ host: 'http://127.0.0.1:1' }).health());
    expect(toUnavailable(refused)).toBeInstanceOf(UnavailableError);
    expect(toUnavailable(refused)).toMatchObject({ kind: 'unavailable', retryAfterSeconds: 5, cause: refused });
    expect(await failureOf(MeilisearchSearchIndex.open({ url: 'http://127.0.0.1:1' }))).toBeInstanceOf(UnavailableError);
  });

  it('makes a request left unanswered past the timeout an UnavailableError', async () => {
    const url = await engine(() => undefined);
    expect(await failureOf(MeilisearchSearchIndex.open({ url, requestTimeoutMs: 100 }))).toBeInstanceOf(UnavailableError);
  });

  it('makes a task still running when the wait ends an UnavailableError', async () => {
    const url = await answering(200, JSON.stringify({ uid: 7, status: 'processing' }));
    const stuck = await failureOf(new Meilisearch({ host: url }).tasks.waitForTask(7, { timeout: 150 }));
    expect(toUnavailable(stuck)).toBeInstanceOf(UnavailableError);
  });

  it('makes an HTTP 5xx an UnavailableError, JSON or a proxy page in HTML', async () => {
    const json = await answering(503, JSON.stringify({ message: 'overloaded', code: 'internal', type: 'internal', link: '' }));
    expect(await failureOf(MeilisearchSearchIndex.open({ url: json }))).toBeInstanceOf(UnavailableError);
    const html = await answering(502, '<html><body>502 Bad Gateway</body></html>', 'text/html');
    expect(await failureOf(MeilisearchSearchIndex.open({ url: html }))).toBeInstanceOf(UnavailableError);
  });

  it('leaves API errors (4xx) and everything else as they are', async () => {
    const url = await answering(403, JSON.stringify({ message: 'The provided API key is invalid.', code: 'invalid_api_key', type: 'auth', link: '' }));
    const refused = await failureOf(MeilisearchSearchIndex.open({ url }));
    expect(refused).toBeInstanceOf(MeilisearchApiError);
    expect(refused).not.toBeInstanceOf(UnavailableError);
    const bug = new TypeError('not the engine');
    expect(toUnavailable(bug)).toBe(bug);
  });
});
