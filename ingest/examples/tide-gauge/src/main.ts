/**
 * The tide gauge, a small data product: it reads the tide every second, serves the readings on
 * its `readings` port, and registers itself with Quanta through the sidecar, reporting who reads
 * it and how its SLOs hold. It keeps serving whether Quanta is up or not.
 */
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startSidecar } from '@quanta/sidecar';
import { type GaugeConfig, readConfig } from './config.js';
import { TideGauge } from './readings.js';
import { createGaugeServer } from './server.js';
import { gaugeChecks } from './slo-checks.js';

const DESCRIPTOR = fileURLToPath(new URL('../descriptor.yaml', import.meta.url));

const config = configOrExit();

const gauge = new TideGauge('coast-harbour-01');
gauge.sample();
const ticker = setInterval(() => gauge.sample(), 1_000);

// The sidecar starts first, so it exists before any request can be counted; the one thing it
// needs from the server, the address its availability check calls, it awaits. Nothing here
// depends on the order callbacks run in.
let listening!: (url: string) => void;
const selfUrl = new Promise<string>((resolve) => (listening = resolve));
const sidecar = startSidecar({
  server: config.quantaServer,
  ...(config.quantaToken && { token: config.quantaToken }),
  descriptor: DESCRIPTOR,
  sloChecks: { everyMs: config.sloEveryMs, run: gaugeChecks(gauge, selfUrl) },
  usageEveryMs: config.usageEveryMs,
  retry: { minMs: Math.min(500, config.retryMaxMs), maxMs: config.retryMaxMs },
});

// Reads are counted from the first request on; the sidecar buffers them until Quanta has the product.
const server = createGaugeServer(gauge, (consumer) => sidecar.recordUse(consumer, { port: 'readings' }));
await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
const url = `http://${config.host}:${(server.address() as AddressInfo).port}`;
listening(url);
console.log(`tide-gauge listening on ${url}`);

/** Stops taking requests, sends what the sidecar holds, and exits. */
async function shutdown(signal: string): Promise<void> {
  console.log(`tide-gauge: ${signal}, stopping`);
  clearInterval(ticker);
  server.close();
  await sidecar.stop();
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));

/** The configuration, or exit 2 saying which variable is wrong. */
function configOrExit(): GaugeConfig {
  try {
    // A data product, not part of Quanta, reads its own environment: DESIGN.md §11's single reader
    // of process.env is Quanta's own @quanta/config, which a product does not depend on.
    // eslint-disable-next-line no-restricted-properties
    return readConfig(process.env);
  } catch (e) {
    console.error(`tide-gauge: ${(e as Error).message}`);
    process.exit(2);
  }
}
