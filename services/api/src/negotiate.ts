import type { MiddlewareHandler } from 'hono';
import { HttpError } from './http-error.js';

const JSON_RANGES = ['application/json', 'application/*', '*/*'];

/**
 * Refuses (406) a GET whose `Accept` header rules JSON out, rather than answering in a format the
 * caller said it cannot read. No `Accept` header means anything goes.
 */
export const requireJsonAcceptable: MiddlewareHandler = async (c, next) => {
  const accept = c.req.header('accept');
  if (c.req.method === 'GET' && accept && !acceptsJson(accept)) {
    throw new HttpError('not-acceptable', `This resource is available as application/json, not as ${accept}`);
  }
  await next();
};

function acceptsJson(accept: string): boolean {
  return accept.split(',').some((part) => {
    const [range = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    return JSON_RANGES.includes(range) && (q === undefined || Number(q.slice(2)) > 0);
  });
}
