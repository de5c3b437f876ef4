import { type Server, type ServerResponse, createServer } from 'node:http';
import { invalidConsumer } from '@quanta/sidecar';
import type { TideGauge } from './readings.js';

/** The port's paging limits: a minute of readings unless asked, an hour at most. */
const LIMIT = { default: 60, max: 3_600 };

/**
 * The `readings` output port: `GET /readings?limit=N` answers the newest readings as JSON. A
 * reader that names its team (or its product's IRI) in `X-Consumer` is counted through `onRead`,
 * which is how the owners learn who depends on the gauge; one that names none is served uncounted.
 */
export function createGaugeServer(gauge: TideGauge, onRead: (consumer: string) => void): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/readings') return send(res, 404, { title: 'Not found', detail: 'The gauge serves GET /readings' });
    if (req.method !== 'GET') return send(res, 405, { title: 'Method not allowed', detail: 'GET /readings' }, { Allow: 'GET' });
    const limit = Number(url.searchParams.get('limit') ?? LIMIT.default);
    if (!Number.isInteger(limit) || limit < 1 || limit > LIMIT.max) {
      return send(res, 400, { title: 'Invalid limit', detail: `limit must be an integer from 1 to ${LIMIT.max}` });
    }
    const consumer = req.headers['x-consumer']?.toString().trim();
    // A malformed X-Consumer is refused, not served uncounted: it is most likely a typo
    // (`Analytics`), and the reader learns of it now, while counting it as anonymous would hide
    // from the owners, for good, a dependency the reader meant to declare. Checking it here also
    // keeps a caller's header from reaching Quanta unchecked.
    const invalid = consumer ? invalidConsumer(consumer) : undefined;
    if (invalid) return send(res, 400, { title: 'Invalid X-Consumer', detail: `X-Consumer names your team (e.g. analytics) or your product's IRI: ${invalid}` });
    if (consumer) onRead(consumer);
    send(res, 200, { station: gauge.station, readings: gauge.latest(limit) });
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const problem = status >= 400;
  res.writeHead(status, { 'Content-Type': problem ? 'application/problem+json' : 'application/json', ...headers });
  res.end(JSON.stringify(problem ? { status, ...(body as object) } : body));
}
