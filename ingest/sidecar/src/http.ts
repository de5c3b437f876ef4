import { parseRetryAfter } from './backoff.js';

/**
 * What one call to Quanta came to. Sorting answers into three kinds here keeps every caller to
 * one decision: done, try again later, or give up.
 */
export type Answer =
  | { readonly kind: 'ok'; readonly status: number; readonly body: unknown }
  /**
   * Unreachable, timed out, 5xx, 408 or 429: worth trying again, not before `retryAfterMs`. 401
   * and 403 too, with `credentials` set: a token mishap (expired, rotated, a proxy's hiccup) is
   * fixed outside the product, which should not have to restart for it; the caller waits the
   * longest backoff between such tries, so a wrong token is not hammered in.
   */
  | { readonly kind: 'transient'; readonly reason: string; readonly retryAfterMs?: number; readonly credentials?: true }
  /**
   * Any other 4xx: the same request would be refused again. `errors` are the located problems of
   * a problem+json answer (`{ pointer: '/3/consumer', message }`), which say which items of a
   * batch were at fault.
   */
  | { readonly kind: 'refused'; readonly status: number; readonly detail: string; readonly errors: readonly Located[] };

/** One located problem of a refusal, as Quanta's problem+json `errors` lists it. */
export interface Located {
  readonly pointer: string;
  readonly message: string;
}

/** One call: a JSON (or YAML) body to a path under the server's base URL. */
export interface Call {
  readonly method: 'PUT' | 'POST';
  readonly path: string;
  readonly body: string;
  readonly contentType: string;
}

/** Sends calls to one Quanta server with the sidecar's headers. */
export type Send = (call: Call, signal: AbortSignal) => Promise<Answer>;

/**
 * A sender for `server`, with `token` as a bearer credential and each call bounded by
 * `timeoutMs`. The returned function never throws: a failure is an {@link Answer}.
 */
export function createSender(server: string, token: string | undefined, timeoutMs: number): Send {
  const headers = (contentType: string): Record<string, string> => ({
    'Content-Type': contentType,
    Accept: 'application/json',
    'User-Agent': 'quanta-sidecar',
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
  });
  return async (call, signal) => {
    try {
      const res = await fetch(new URL(call.path, server), {
        method: call.method,
        body: call.body,
        headers: headers(call.contentType),
        signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
      });
      return await classify(res);
    } catch (e) {
      return { kind: 'transient', reason: describeFailure(e) };
    }
  };
}

/** Sorts a response into an {@link Answer}, reading the body once. */
async function classify(res: Response): Promise<Answer> {
  const text = await res.text();
  if (res.ok) return { kind: 'ok', status: res.status, body: parseJson(text) };
  const problem = parseJson(text);
  const detail = problemDetail(problem) ?? (text.slice(0, 500) || res.statusText);
  const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
  const after = retryAfterMs !== undefined ? { retryAfterMs } : {};
  if (res.status >= 500 || res.status === 408 || res.status === 429) {
    return { kind: 'transient', reason: `${res.status} ${problemDetail(problem) ?? res.statusText}`, ...after };
  }
  if (res.status === 401 || res.status === 403) {
    return { kind: 'transient', reason: `${res.status} ${detail} (check the token)`, credentials: true, ...after };
  }
  return { kind: 'refused', status: res.status, detail, errors: locatedErrors(problem) };
}

/** A problem+json document's `errors` that carry a pointer and a message; others are ignored. */
function locatedErrors(problem: unknown): Located[] {
  const errors = (problem as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((e: { pointer?: unknown; message?: unknown } | null) =>
    typeof e?.pointer === 'string' && typeof e.message === 'string' ? [{ pointer: e.pointer, message: e.message }] : [],
  );
}

/**
 * A problem+json document's `detail`, with the first located error when there is one, so the
 * product's log says what to fix (`/outputPorts/0/slos: …`), not just that it was refused.
 */
function problemDetail(parsed: unknown): string | undefined {
  const problem = parsed as { detail?: unknown; title?: unknown; errors?: { pointer?: unknown; message?: unknown }[] } | undefined;
  if (!problem || typeof problem !== 'object') return undefined;
  const detail = typeof problem.detail === 'string' ? problem.detail : typeof problem.title === 'string' ? problem.title : undefined;
  const first = Array.isArray(problem.errors) ? problem.errors[0] : undefined;
  const located = first && typeof first.message === 'string' ? `${String(first.pointer ?? '')} ${first.message}`.trim() : undefined;
  return located && detail && !detail.includes(located) ? `${detail} (${located})` : (detail ?? located);
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** fetch's own message is "fetch failed"; the reason (ECONNREFUSED, a timeout) sits in `cause`. */
function describeFailure(e: unknown): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError') return 'timed out';
  if (err?.name === 'AbortError') return 'aborted';
  return err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e);
}
