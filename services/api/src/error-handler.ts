import type { Context } from 'hono';
import { PolicyViolationError, QuantaError, UnavailableError, UnauthenticatedError } from '@quanta/model';
import type { Logger } from 'pino';
import { HttpError } from './http-error.js';
import { type Problem, problem } from './problems.js';

/**
 * The one place errors become HTTP responses (DESIGN.md §11): domain errors and transport errors
 * map to their problem kind; anything else is a 500 that reveals nothing but the request id.
 */
export function toProblemResponse(err: unknown, c: Context, logger: Logger): Response {
  const { body, headers } = problemOf(err, c, logger);
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { ...headers, 'Content-Type': 'application/problem+json' },
  });
}

/** The problem document and headers an error maps to; an unexpected error is logged here. */
export function problemOf(err: unknown, c: Context, logger: Logger): { body: Problem; headers: Record<string, string> } {
  const instance = new URL(c.req.url).pathname;
  const headers: Record<string, string> = {};
  let body: Problem;
  if (err instanceof QuantaError) {
    body = problem(err.kind, err.message, instance, err.issues, err instanceof PolicyViolationError ? err.findings : undefined);
    if (err instanceof UnavailableError) headers['Retry-After'] = String(err.retryAfterSeconds);
    // RFC 6750 §3: a 401 names the scheme to authenticate with.
    if (err instanceof UnauthenticatedError) headers['WWW-Authenticate'] = 'Bearer realm="quanta"';
  } else if (err instanceof HttpError) {
    body = problem(err.kind, err.message, instance);
    Object.assign(headers, err.headers);
  } else {
    const requestId = c.get('requestId') as string | undefined;
    logger.error({ err, requestId, path: instance }, 'unhandled error');
    body = problem('internal', `Unexpected error; quote request id ${requestId ?? 'unknown'} when reporting it.`, instance);
  }
  return { body, headers };
}
