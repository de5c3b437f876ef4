#!/usr/bin/env node
/**
 * Serves the built UI: what `quanta up` runs next to the API (services/server/src/web.ts).
 * It is `next start` done programmatically, so that it can take port 0 and tell its parent, over
 * the IPC channel, the address it got; and end when its parent ends, however that happens.
 *
 *   node web/start.mjs --api-url http://127.0.0.1:4000 [--port 3000] [--host 127.0.0.1]
 *
 * The UI's own reader token comes in the environment (`QUANTA_WEB_TOKEN`), never as an argument:
 * `ps` shows arguments to everyone.
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
// Started by the server: end with it, even after a kill -9 of the server, and even while starting.
let server;
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  if (!server) process.exit(0);
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  // Responses still running after the grace period are cut: the server is going away.
  setTimeout(() => process.exit(0), 8_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);

// The UI's configuration (src/lib/config.ts) reads these; they are set before Next.js loads.
process.env.QUANTA_API_URL = values['api-url'];
process.env.NEXT_TELEMETRY_DISABLED = '1';
process.env.NODE_ENV ??= 'production';

const { default: next } = await import('next');
const app = next({ dev: false, dir: dirname(fileURLToPath(import.meta.url)), hostname: values.host, port: Number(values.port) });
await app.prepare();
if (process.send && !process.connected) stop(); // the server went away while Next.js was starting
const handle = app.getRequestHandler();
server = createServer((req, res) =>
  handle(req, res).catch((err) => {
    process.stderr.write(`Quanta UI: ${err instanceof Error ? err.stack : String(err)}\n`);
    res.statusCode = 500;
    res.end();
  }),
);
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
