/** A problem document as the API returns it. */
interface Problem {
  title?: string;
  detail?: string;
  errors?: { pointer: string; message: string }[];
}

/** One policy finding, as the server reports it. */
export interface Finding {
  readonly severity: 'Violation' | 'Warning' | 'Info';
  readonly path: string;
  readonly message: string;
}

/** What `validate` found: a descriptor that would be stored (with its findings), or why not. */
export type Validation =
  | { readonly valid: true; readonly findings: readonly Finding[] }
  | { readonly valid: false; readonly title: string; readonly detail: string; readonly errors: readonly { pointer: string; message: string }[]; readonly findings: readonly Finding[] };

/** A search answer, with what the CLI prints of each hit. */
export interface SearchAnswer {
  readonly total: number;
  readonly hits: readonly {
    readonly product: { readonly iri: string; readonly name: string; readonly title: string; readonly domain: string; readonly owner: string; readonly status: string };
    readonly score: number;
    readonly factors: readonly { readonly name: string; readonly value: number; readonly reason: string }[];
    readonly notes: readonly string[];
  }[];
}

/** An API token as the server lists it (ADR 0016). */
export interface ApiTokenRecord {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly team?: string;
  readonly consumer?: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly expiresAt?: string;
  readonly revokedAt?: string;
}

/** An API call that failed, with the server's explanation. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const productPath = (iri: string) => `/api/v1/products/${encodeURIComponent(iri)}`;

/** A Quanta API client's settings: where the server is and, when it asks for one, the bearer token. */
export interface ClientOptions {
  readonly token?: string;
}

/**
 * Quanta could not be reached at all (refused, unresolvable, reset): distinct from an answer,
 * so the CLI can say "is it running?" and exit with its own code.
 */
export class UnreachableError extends Error {
  override readonly name = 'UnreachableError';
}

/** A minimal client of the Quanta REST API for the CLI: it knows paths, not internals. */
export function createClient(baseUrl: string, { token }: ClientOptions = {}) {
  const url = (path: string) => new URL(path, baseUrl).toString();
  /** The response, when it is a success or one of the statuses the caller reads as an answer; else an ApiError saying why. */
  const send = async (method: string, path: string, { body, contentType, accept, answers = [] }: { body?: string; contentType?: string; accept?: string; answers?: readonly number[] } = {}) => {
    const headers: Record<string, string> = {
      ...(contentType && { 'Content-Type': contentType }),
      ...(accept && { Accept: accept }),
      ...(token && { Authorization: `Bearer ${token}` }),
    };
    const res = await fetch(url(path), { method, body, headers }).catch((err: unknown) => {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw new UnreachableError(`cannot reach Quanta at ${baseUrl} (${cause?.code ?? cause?.message ?? String(err)}): is it running? \`quanta up\` starts one`);
    });
    if (!res.ok && !answers.includes(res.status)) throw new ApiError(res.status, describeProblem(res.status, await res.text()));
    return res;
  };
  const call = async <T>(method: string, path: string, body?: string, contentType?: string): Promise<T> =>
    (await (await send(method, path, { ...(body !== undefined && { body }), ...(contentType && { contentType }) })).json()) as T;
  return {
    /** Registers one descriptor given as YAML or JSON text. */
    register: (text: string, format: 'yaml' | 'json') =>
      call<{ outcome: string; revision: number; product: { iri: string } }>('PUT', '/api/v1/products', text, `application/${format}`),
    /** Rebuilds the search index, telling `onProgress` as the server streams how far it got. */
    reindex: async (onProgress?: (done: number, total: number) => void) => {
      const res = await send('POST', '/api/v1/admin/reindex', { accept: 'application/x-ndjson' });
      if (!res.body) throw new ApiError(502, 'the server answered the reindex with no body');
      let report: { documents: number; failed: number; millis: number } | undefined;
      for await (const line of ndjsonLines(res.body)) {
        const item = JSON.parse(line) as { progress?: { done: number; total: number }; report?: typeof report; problem?: Problem & { status?: number } };
        if (item.progress) onProgress?.(item.progress.done, item.progress.total);
        if (item.report) report = item.report;
        if (item.problem) throw new ApiError(item.problem.status ?? 500, describeProblem(item.problem.status ?? 500, JSON.stringify(item.problem)));
      }
      if (!report) throw new ApiError(502, 'the server ended the reindex without a report');
      return report;
    },
    /**
     * Runs every check a registration runs (schema, JSON-LD, global policies), storing nothing: the
     * findings of a valid descriptor, or why it would be refused (400/422 are answers here, not errors).
     */
    validate: async (text: string, format: 'yaml' | 'json'): Promise<Validation> => {
      const res = await send('POST', '/api/v1/products/validate', { body: text, contentType: `application/${format}`, answers: [400, 422] });
      if (res.ok) return { valid: true, findings: ((await res.json()) as { findings: Finding[] }).findings };
      const p = (await res.json()) as Problem & { findings?: Finding[] };
      return { valid: false, title: p.title ?? 'Refused', detail: p.detail ?? '', errors: p.errors ?? [], findings: p.findings ?? [] };
    },
    /** A product as RDF (`application/ld+json` or `text/turtle`), as the API serves it. */
    rdf: async (iri: string, mediaType: 'application/ld+json' | 'text/turtle') => (await send('GET', productPath(iri), { accept: mediaType })).text(),
    /** A product's current descriptor, as it was registered (the status it has now). */
    descriptor: async (iri: string) => (await call<{ descriptor: Record<string, unknown> }>('GET', productPath(iri))).descriptor,
    /** A ranked search, as the API answers it. */
    search: (q: string, limit = 10) => call<SearchAnswer>('GET', `/api/v1/search?q=${encodeURIComponent(q)}&limit=${limit}`),
    /** Compares the search index with the graph; repairs what differs unless a dry run. */
    reconcile: (dryRun = false) =>
      call<{ products: number; documents: number; missing: number; stale: number; orphaned: number; pending: number; repaired: boolean; millis: number; examples: Record<'missing' | 'stale' | 'orphaned', string[]> }>(
        'POST',
        `/api/v1/admin/reconcile?dryRun=${dryRun}`,
      ),
    /** Runs duplicate detection, retirement flags and nudges over the whole mesh now. */
    detectDuplicates: () => call<{ products: number; groups: number; likely: number; flagged: number; millis: number }>('POST', '/api/v1/admin/insights'),
    /** Sends OpenLineage events in one batch; the report counts them and names each failure by index. */
    lineageBatch: (events: readonly unknown[]) =>
      call<{ summary: { received: number; stored: number; duplicates: number; failed: number }; failed_events: { index: number; reason: string }[] }>(
        'POST',
        '/api/v1/lineage/batch',
        JSON.stringify(events),
        'application/json',
      ),
    /** Usage reports, up to 1,000 per call; each is stored once. */
    usage: (reports: readonly unknown[]) => call<{ stored: number; duplicates: number }>('POST', '/api/v1/usage', JSON.stringify(reports), 'application/json'),
    /** A consumer's current rating of a product. */
    rate: (product: string, consumer: string, rating: { stars: number; comment?: string }) =>
      call<{ outcome: string }>('PUT', `${productPath(product)}/ratings/${encodeURIComponent(consumer)}`, JSON.stringify(rating), 'application/json'),
    /** SLO check results of one product, up to 1,000 per call. */
    sloChecks: (product: string, checks: readonly unknown[]) =>
      call<{ stored: number; duplicates: number }>('POST', `${productPath(product)}/slo-checks`, JSON.stringify(checks), 'application/json'),
    /** Creates an API token (admins): its record and its secret, shown this once. */
    createToken: (input: { name: string; role: string; team?: string; consumer?: string; expiresAt?: string }) =>
      call<{ token: ApiTokenRecord; secret: string }>('POST', '/api/v1/admin/tokens', JSON.stringify(input), 'application/json'),
    /** Every API token, revoked ones too, without secrets (admins). */
    listTokens: async () => (await call<{ tokens: ApiTokenRecord[] }>('GET', '/api/v1/admin/tokens')).tokens,
    /** Revokes a token (admins): it authenticates no one from now on. */
    revokeToken: (id: string) => call<{ id: string; outcome: 'revoked' | 'already-revoked' }>('DELETE', `/api/v1/admin/tokens/${encodeURIComponent(id)}`),
    /** A consistent backup of the embedded graph, written by the server under its data directory (admins). */
    backup: () => call<{ file: string; bytes: number; products: number; takenAt: string }>('POST', '/api/v1/admin/backup'),
    /** Who the token stands for (`GET /api/v1/me`). */
    whoami: () => call<{ subject: string; kind: string; admin: boolean; teams: string[]; consumer?: string }>('GET', '/api/v1/me'),
    /** True once the server answers `/readyz` with 200. */
    ready: async () => {
      try {
        return (await fetch(url('/readyz'))).ok;
      } catch {
        return false;
      }
    },
  };
}

/** A Quanta API client. */
export type Client = ReturnType<typeof createClient>;

function describeProblem(status: number, text: string): string {
  try {
    const p = JSON.parse(text) as Problem;
    const fields = (p.errors ?? []).map((e) => `\n    ${e.pointer || '(document)'}: ${e.message}`).join('');
    return `${status} ${p.title ?? ''}: ${p.detail ?? ''}${fields}`;
  } catch {
    return `${status}: ${text.slice(0, 200)}`;
  }
}

/** The lines of a streamed body, as they arrive. */
async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(chunk, { stream: true });
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) yield line;
    }
  }
  if (buffered.trim()) yield buffered.trim();
}
