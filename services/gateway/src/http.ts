import { type ApolloServer, HeaderMap } from '@apollo/server';
import type { GraphqlContext } from './context.js';

/** Answers one HTTP request to `/graphql`: what the API mounts, on the gateway and on each subgraph. */
export type GraphqlHandler = (request: Request, context: GraphqlContext) => Promise<Response>;

/** How a request to `/graphql` is bounded before GraphQL sees it. */
export interface HttpLimits {
  readonly maxBodyBytes: number;
  /** Operations in one batched request (a JSON array body). */
  readonly batch: number;
}

const json = (status: number, message: string, code: string) =>
  new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), { status, headers: { 'Content-Type': 'application/json' } });

/**
 * Bridges Fetch requests to an Apollo Server the caller has started (so a failure to start fails
 * the process's start): the body is read within the size limit and parsed, a batch is refused
 * past `batch` operations, and Apollo's answer is sent back as it is (status, headers, body).
 */
export function graphqlHandler(server: ApolloServer<GraphqlContext>, limits: HttpLimits): GraphqlHandler {
  return async (request, context) => {
    const url = new URL(request.url);
    const headers = new HeaderMap();
    request.headers.forEach((value, key) => headers.set(key, value));
    let body: unknown;
    if (request.method === 'POST') {
      const text = await withinLimit(request, limits.maxBodyBytes);
      if (text === undefined) return json(413, `The request body is over ${limits.maxBodyBytes} bytes.`, 'PAYLOAD_TOO_LARGE');
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        return json(400, 'The request body is not valid JSON.', 'BAD_REQUEST');
      }
      if (Array.isArray(body) && body.length > limits.batch) {
        return json(400, `A batch may hold at most ${limits.batch} operations; this one holds ${body.length}.`, 'BATCH_LIMIT_EXCEEDED');
      }
    }
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method, headers, search: url.search, body },
      context: async () => context,
    });
    const out = new Headers();
    for (const [key, value] of response.headers) out.set(key, value);
    if (response.body.kind === 'complete') return new Response(response.body.string, { status: response.status ?? 200, headers: out });
    const chunks = response.body.asyncIterator;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(new TextEncoder().encode(next.value));
      },
    });
    return new Response(stream, { status: response.status ?? 200, headers: out });
  };
}

/** The body as text, read no further than `maxBytes` (undefined past it): a huge body is never buffered. */
async function withinLimit(request: Request, maxBytes: number): Promise<string | undefined> {
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) return undefined;
  if (!request.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body) {
    size += chunk.byteLength;
    if (size > maxBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
