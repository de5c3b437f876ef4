import { createServer } from 'node:net';

/**
 * A loopback port free at the time of asking: for a server a test starts on a port it must know
 * in advance, or for an address where nothing listens (a search engine that is down).
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
