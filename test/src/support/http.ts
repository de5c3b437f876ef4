/** A JSON response: status, headers and parsed body. */
export interface JsonResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

/** The token each server is called with, by origin: `startQuanta` remembers its admin token here. */
const tokens = new Map<string, string>();

/**
 * Makes `call` (and {@link authorization}) send `token` to `base`'s origin from now on; `undefined`
 * forgets it. Tests that are about credentials pass their own `Authorization` header instead.
 */
export function useToken(base: string, token: string | undefined): void {
  const origin = new URL(base).origin;
  if (token === undefined) tokens.delete(origin);
  else tokens.set(origin, token);
}

/** `{ Authorization: 'Bearer …' }` with the token remembered for `base`, for tests that fetch themselves. */
export function authorization(base: string): Record<string, string> {
  const token = tokens.get(new URL(base).origin);
  return token === undefined ? {} : { Authorization: `Bearer ${token}` };
}

/**
 * Calls the API and parses the JSON (or problem+json) answer. It sends the token remembered for
 * the server unless `headers` has an `Authorization` of its own; an empty one sends none.
 */
export async function call<T = any>(
  base: string,
  method: string,
  path: string,
  body?: string | object,
  contentType = 'application/json',
  headers: Readonly<Record<string, string>> = {},
): Promise<JsonResponse<T>> {
  const own = Object.keys(headers).find((k) => k.toLowerCase() === 'authorization');
  const sent = own === undefined ? { ...authorization(base), ...headers } : Object.fromEntries(Object.entries(headers).filter(([k, v]) => k !== own || v !== ''));
  const init: RequestInit = { method, headers: sent };
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
