import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';
import { HttpError } from './http-error.js';

/** What most resources offer. */
export const JSON_ONLY = ['application/json'] as const;

/**
 * Content negotiation for GETs (RFC 9110 §12.5.1): picks the offered media type the `Accept`
 * header ranks highest (the most specific matching range decides a type's q; ties go to the
 * earlier offer) and stores it for the handler, or refuses with 406 rather than answering in a
 * format the caller said it cannot read. No `Accept` header means the first offer.
 */
export function acceptable(offered: readonly string[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'GET') {
      const chosen = negotiate(c.req.header('accept'), offered);
      if (!chosen) throw new HttpError('not-acceptable', `This resource is available as ${offered.join(', ')}, not as ${c.req.header('accept')}`);
      c.set('mediaType', chosen);
    }
    await next();
  };
}

/** The media type `acceptable` chose for this request. */
export const chosenType = (c: Context<AppEnv>): string | undefined => c.get('mediaType');

/** The offered type the Accept header prefers, or undefined when it accepts none of them. */
export function negotiate(accept: string | undefined, offered: readonly string[]): string | undefined {
  if (!accept?.trim()) return offered[0];
  const ranges = accept.split(',').map(parseRange);
  let best: { type: string; q: number } | undefined;
  for (const type of offered) {
    const q = qualityOf(type, ranges);
    if (q > 0 && (!best || q > best.q)) best = { type, q };
  }
  return best?.type;
}

interface Range {
  readonly type: string;
  readonly subtype: string;
  readonly q: number;
}

function parseRange(part: string): Range {
  const [range = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
  const [type = '', subtype = ''] = range.split('/');
  const q = params.find((p) => p.startsWith('q='));
  const value = q === undefined ? 1 : Number(q.slice(2));
  return { type, subtype, q: Number.isFinite(value) ? value : 0 };
}

/** The q of the most specific range matching `mediaType` (exact beats `type/*` beats `*\/*`). */
function qualityOf(mediaType: string, ranges: readonly Range[]): number {
  const [type, subtype] = mediaType.split('/');
  let specificity = -1;
  let q = 0;
  for (const r of ranges) {
    const s = r.type === type && r.subtype === subtype ? 2 : r.type === type && r.subtype === '*' ? 1 : r.type === '*' && r.subtype === '*' ? 0 : -1;
    if (s > specificity) {
      specificity = s;
      q = r.q;
    }
  }
  return q;
}
