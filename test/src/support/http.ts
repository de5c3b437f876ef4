/** A JSON response: status, headers and parsed body. */
export interface JsonResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

/** Calls the API and parses the JSON (or problem+json) answer. */
export async function call<T = any>(
  base: string,
  method: string,
  path: string,
  body?: string | object,
  contentType = 'application/json',
  headers: Readonly<Record<string, string>> = {},
): Promise<JsonResponse<T>> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = contentType;
  }
  const res = await fetch(new URL(path, base), init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as T };
}

/** The API path of a product. */
export const productPath = (iri: string) => `/api/v1/products/${encodeURIComponent(iri)}`;
