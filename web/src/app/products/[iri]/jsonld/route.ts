import { webConfig } from '@/lib/config';
import { fromSegment } from '@/lib/links';
import { readToken } from '@/lib/session';

/**
 * The product as JSON-LD (DCAT/DPROD with its semantic model), as the API serves it at its IRI,
 * read as the viewer (the signed-in person's token, else the UI's own).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ iri: string }> }): Promise<Response> {
  const iri = fromSegment((await params).iri);
  const token = await readToken();
  const upstream = await fetch(`${webConfig().apiUrl}/api/v1/products/${encodeURIComponent(iri)}`, {
    headers: { accept: 'application/ld+json', ...(token !== undefined && { authorization: `Bearer ${token}` }) },
    cache: 'no-store',
  });
  return new Response(upstream.body, { status: upstream.status, headers: { 'content-type': upstream.headers.get('content-type') ?? 'application/ld+json' } });
}
