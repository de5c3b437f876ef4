import { webConfig } from '@/lib/config';

/** The largest operation the browser may send; the search document is about 1 KB. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * The browser's way to the supergraph: search-as-you-type posts here, same origin, and the
 * operation goes to the gateway untouched. The gateway applies its own limits (ADR 0012).
 */
export async function POST(request: Request): Promise<Response> {
  const body = await request.text();
  if (body.length > MAX_BODY_BYTES) {
    return Response.json(
      { type: 'https://quanta.dev/problems/payload-too-large', title: 'Payload too large', status: 413, detail: `a GraphQL request may be at most ${MAX_BODY_BYTES} bytes` },
      { status: 413, headers: { 'content-type': 'application/problem+json' } },
    );
  }
  const upstream = await fetch(`${webConfig().apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': request.headers.get('content-type') ?? 'application/json', accept: 'application/json' },
    body,
    cache: 'no-store',
  });
  return new Response(upstream.body, { status: upstream.status, headers: { 'content-type': upstream.headers.get('content-type') ?? 'application/json' } });
}
