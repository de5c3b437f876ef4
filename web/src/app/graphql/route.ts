import { webConfig } from '@/lib/config';
import { SEARCH } from '@/lib/gateway/documents';
import { readToken } from '@/lib/session';

/** The largest body the browser may send: a search's variables are a few hundred bytes. */
const MAX_BODY_BYTES = 16 * 1024;
/** How long the gateway may take before the browser is told to retry. */
const UPSTREAM_TIMEOUT_MS = 10_000;

const problem = (status: number, title: string, detail: string) =>
  Response.json({ type: `about:blank`, title, status, detail }, { status, headers: { 'content-type': 'application/problem+json' } });

/**
 * The browser's way to the supergraph for search-as-you-type: same origin (no CORS, no API
 * address in the browser), and for the `Search` document only. The browser sends its variables;
 * the document posted to the gateway is this server's own, so the UI's origin is not a way to run
 * mutations or any other operation against the API. JSON only: a cross-site form or `no-cors`
 * request cannot set that content type without a preflight, which this route never answers.
 * It asks as the viewer (the signed-in person's token, else the UI's own): the browser never
 * holds a token.
 */
export async function POST(request: Request): Promise<Response> {
  if (!request.headers.get('content-type')?.startsWith('application/json')) {
    return problem(415, 'Unsupported media type', 'send the search variables as application/json');
  }
  const text = await readCapped(request, MAX_BODY_BYTES);
  if (text === undefined) return problem(413, 'Payload too large', `the search variables may be at most ${MAX_BODY_BYTES} bytes`);
  let variables: unknown;
  try {
    variables = (JSON.parse(text) as { variables?: unknown }).variables;
  } catch {
    return problem(400, 'Malformed JSON', 'the body must be JSON: {"variables": {...}}');
  }
  if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) {
    return problem(400, 'Bad request', 'the body must be {"variables": {...}} with the Search document\'s variables');
  }
  const token = await readToken();
  try {
    const upstream = await fetch(`${webConfig().apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(token !== undefined && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ query: SEARCH, variables }),
      cache: 'no-store',
      signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
    });
    return new Response(upstream.body, { status: upstream.status, headers: { 'content-type': upstream.headers.get('content-type') ?? 'application/json' } });
  } catch {
    return problem(502, 'Bad gateway', 'the Quanta API did not answer the search; try again');
  }
}

/** The body as text, or undefined once it passes `limit` bytes (counted while it streams, not after). */
async function readCapped(request: Request, limit: number): Promise<string | undefined> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) return undefined;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
