import { webConfig } from '@/lib/config';
import { fromSegment } from '@/lib/links';

/** The product as JSON-LD (DCAT/DPROD with its semantic model), as the API serves it at its IRI. */
export async function GET(_request: Request, { params }: { params: Promise<{ iri: string }> }): Promise<Response> {
  const iri = fromSegment((await params).iri);
  const upstream = await fetch(`${webConfig().apiUrl}/api/v1/products/${encodeURIComponent(iri)}`, {
    headers: { accept: 'application/ld+json' },
    cache: 'no-store',
  });
  return new Response(upstream.body, { status: upstream.status, headers: { 'content-type': upstream.headers.get('content-type') ?? 'application/ld+json' } });
}
