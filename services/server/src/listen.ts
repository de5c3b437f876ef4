import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { QuantaConfig } from '@quanta/config';

/** Serves `fetch` on the configured host and port; resolves with the base URL once listening. */
export async function listen(fetch: (request: Request) => Response | Promise<Response>, config: QuantaConfig): Promise<{ url: string; close(): Promise<void> }> {
  const server = serve({ fetch, hostname: config.host, port: config.port });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
