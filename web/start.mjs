#!/usr/bin/env node
/**
 * Serves the built UI: what `quanta up` runs next to the API (services/server/src/web.ts).
 * It is `next start` done programmatically, so that it can take port 0 and tell its parent, over
 * the IPC channel, the address it got; and end when its parent ends, however that happens.
 *
 *   node web/start.mjs --api-url http://127.0.0.1:4000 [--port 3000] [--host 127.0.0.1]
 */
import { createServer } from 'node:http';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { 'api-url': { type: 'string' }, port: { type: 'string', default: '3000' }, host: { type: 'string', default: '127.0.0.1' } },
  strict: true,
});
if (!values['api-url']) {
  process.stderr.write('--api-url is required: the Quanta API the UI reads from\n');
  process.exit(2);
}
// The UI's configuration (src/lib/config.ts) reads these; they are set before Next.js loads.
process.env.QUANTA_API_URL = values['api-url'];
process.env.NEXT_TELEMETRY_DISABLED = '1';
process.env.NODE_ENV ??= 'production';

const { default: next } = await import('next');
const app = next({ dev: false, dir: dirname(fileURLToPath(import.meta.url)), hostname: values.host, port: Number(values.port) });
await app.prepare();
const handle = app.getRequestHandler();
const server = createServer((req, res) => void handle(req, res));
server.on('error', (err) => {
  process.stderr.write(`Quanta UI failed to listen on ${values.host}:${values.port}: ${err.message}\n`);
  process.exit(1);
});
server.listen(Number(values.port), values.host, () => {
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const url = `http://${values.host.includes(':') ? `[${values.host}]` : values.host}:${port}`;
  process.stdout.write(`Quanta UI listening on ${url}\n`);
  process.send?.({ url });
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Started by the server: end with it, even after a kill -9 of the server.
process.on('disconnect', stop);
