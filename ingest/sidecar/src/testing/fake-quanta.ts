import { type IncomingHttpHeaders, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { parseOneOrMany, SloCheckInputSchema, UsageInputSchema, ValidationError } from '@quanta/model';

// Taken before any test fakes the clock: the fake's polling runs in real time either way.
const realSetTimeout = globalThis.setTimeout;

/** A request the fake received, as it came. */
export interface Received {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** The body parsed as JSON, when it is JSON. */
  readonly json: unknown;
  /** When it arrived (Date.now()). */
  readonly at: number;
}

/**
 * How to answer one request: a response, never to answer, or a dropped connection. `storeFirst`
 * stores what the request carried, as Quanta would, before answering: an answer lost on the way.
 */
export type Reply = { readonly status: number; readonly headers?: Record<string, string>; readonly body?: unknown; readonly storeFirst?: boolean } | 'hang' | 'reset';

/** An SLO check as the fake stored it. */
export interface StoredCheck {
  readonly product: string;
  readonly metric: string;
  readonly passed: boolean;
  readonly port?: string;
  readonly value?: number;
  readonly at: string;
}

/**
 * A stand-in for Quanta on a real loopback socket, answering as its API does (201 stored, 200
 * repeated; usage stored once per id) unless a test scripts other answers. It validates signals
 * with Quanta's own schemas and, like Quanta, refuses a batch with 422 naming each bad item
 * (`/3/consumer`), and SLO checks on a metric the (JSON) descriptor does not declare. Tests watch
 * what reached it, so they see the sidecar's real HTTP, headers and timing. `at` is read from
 * `Date.now()`, so under a faked clock it is the fake time.
 */
export class FakeQuanta {
  readonly requests: Received[] = [];
  /** Usage reports stored, once per id, as Quanta keys them (ADR 0010). */
  readonly usage = new Map<string, { consumer: string; port?: string; count: number; product: string }>();
  /** SLO checks stored, in order. */
  readonly checks: StoredCheck[] = [];
  /** Descriptors registered as JSON, by IRI: the SLOs a check must match. */
  readonly #descriptors = new Map<string, { outputPorts?: { name: string; slos?: { metric: string }[] }[] }>();
  readonly #scripted: ((r: Received) => Reply | undefined)[] = [];

  readonly #server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => this.answer(req.method ?? '', req.url ?? '', req.headers, Buffer.concat(chunks).toString('utf8'), res));
  });

  #url = '';

  private constructor() {}

  /** Its base URL, e.g. `http://127.0.0.1:41234`. */
  get url(): string {
    return this.#url;
  }

  /** Listens on loopback, on `port` or an ephemeral one. */
  static async start(port = 0): Promise<FakeQuanta> {
    const fake = new FakeQuanta();
    await new Promise<void>((resolve) => fake.#server.listen(port, '127.0.0.1', resolve));
    fake.#url = `http://127.0.0.1:${(fake.#server.address() as AddressInfo).port}`;
    return fake;
  }

  /** Answers the next requests that `match` with `replies`, one each, in order. */
  script(match: (r: Received) => boolean, ...replies: Reply[]): void {
    for (const reply of replies) this.#scripted.push((r) => (match(r) ? reply : undefined));
  }

  /** The requests to a path (start of it) with a method. */
  to(method: string, pathStart: string): Received[] {
    return this.requests.filter((r) => r.method === method && r.path.startsWith(pathStart));
  }

  /** Resolves once `condition` holds, polling in real time (even under a faked clock); rejects after `timeoutMs`. */
  async until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
    const end = performance.now() + timeoutMs;
    while (!condition()) {
      if (performance.now() > end) throw new Error(`condition not met within ${timeoutMs} ms; requests: ${this.requests.map((r) => `${r.method} ${r.path}`).join(', ')}`);
      await new Promise((resolve) => realSetTimeout(resolve, 10));
    }
  }

  /** Stops listening and drops open connections (hanging ones included). */
  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(resolve));
  }

  private answer(method: string, path: string, headers: IncomingHttpHeaders, body: string, res: ServerResponse): void {
    const received: Received = { method, path, headers, body, json: parseJson(body), at: Date.now() };
    this.requests.push(received);
    const index = this.#scripted.findIndex((s) => s(received) !== undefined);
    const reply = index >= 0 ? this.#scripted.splice(index, 1)[0]?.(received) : this.defaultReply(received);
    if (reply === 'hang' || reply === undefined) return;
    if (reply === 'reset') return void res.socket?.destroy();
    if (reply.storeFirst) this.defaultReply(received);
    const problem = reply.status >= 400;
    res.writeHead(reply.status, { 'Content-Type': problem ? 'application/problem+json' : 'application/json', ...reply.headers });
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  }

  private defaultReply(r: Received): Reply {
    try {
      return this.quantaReply(r);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return { status: 422, body: { type: '/api/v1/problems/validation-failed', title: 'Validation failed', status: 422, detail: e.message, errors: e.issues } };
    }
  }

  /** What Quanta would answer. @throws ValidationError as Quanta would, naming each bad item */
  private quantaReply(r: Received): Reply {
    if (r.method === 'PUT' && r.path === '/api/v1/products') {
      const iri = (r.json as { id?: string } | undefined)?.id ?? /^id:\s*(\S+)/m.exec(r.body)?.[1] ?? 'urn:unknown';
      if (r.json !== undefined) this.#descriptors.set(iri, r.json as never);
      return { status: 201, body: { outcome: 'created', revision: 1, findings: [], product: { iri } } };
    }
    if (r.method === 'POST' && r.path === '/api/v1/usage') {
      parseOneOrMany(UsageInputSchema, r.json, 'usage report');
      // Stored as sent: Quanta would read a team slug as its IRI, which tests need not spell out.
      const reports = r.json as { id: string; consumer: string; port?: string; count: number; product: string }[];
      const fresh = reports.filter((u) => !this.usage.has(u.id));
      for (const u of fresh) this.usage.set(u.id, u);
      return { status: fresh.length > 0 ? 201 : 200, body: { stored: fresh.length, duplicates: reports.length - fresh.length } };
    }
    const checks = /^\/api\/v1\/products\/([^/]+)\/slo-checks$/.exec(r.path);
    if (r.method === 'POST' && checks) {
      const product = decodeURIComponent(checks[1] as string);
      const parsed = parseOneOrMany(SloCheckInputSchema, r.json, 'SLO check');
      this.checkDeclared(product, parsed);
      for (const c of parsed) this.checks.push({ product, ...c });
      return { status: 201, body: { stored: parsed.length, duplicates: 0 } };
    }
    return { status: 404, body: { type: '/api/v1/problems/not-found', title: 'Not found', status: 404, detail: `no route ${r.path}` } };
  }

  /** Refuses checks on a metric no port declares, as Quanta's recordSloChecks does; a YAML-registered product is not checked. */
  private checkDeclared(product: string, checks: readonly { metric: string; port?: string }[]): void {
    const descriptor = this.#descriptors.get(product);
    if (!descriptor) return;
    const declared = (descriptor.outputPorts ?? []).flatMap((p) => (p.slos ?? []).map((s) => ({ port: p.name, metric: s.metric })));
    const issues = checks.flatMap((c, i) =>
      declared.some((d) => d.metric === c.metric && (c.port === undefined || d.port === c.port))
        ? []
        : [{ pointer: `/${i}/metric`, message: `the product declares no SLO on metric ${JSON.stringify(c.metric)}` }],
    );
    if (issues.length > 0) throw new ValidationError(`Invalid SLO checks: ${issues[0]?.pointer} ${issues[0]?.message}`, issues);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
