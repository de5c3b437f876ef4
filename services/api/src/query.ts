import type { Context } from 'hono';
import { intInRange, InvalidParameterError, isAbsoluteIri } from '@quanta/model';

/**
 * Reads query parameters strictly: an unknown name is an error, so a typo such as `?domian=`
 * fails loudly instead of silently returning everything.
 * @throws InvalidParameterError naming the unknown parameters
 */
export function queryOf(c: Context, allowed: readonly string[]): URLSearchParams {
  const params = new URL(c.req.url).searchParams;
  const unknown = [...new Set(params.keys())].filter((k) => !allowed.includes(k));
  if (unknown.length > 0) {
    throw new InvalidParameterError(`Unknown query parameter${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}; allowed: ${allowed.join(', ')}`, unknown.map((k) => ({ pointer: `/query/${k}`, message: 'unknown parameter' })));
  }
  return params;
}

/**
 * An integer parameter within bounds, or the default when absent.
 * @throws InvalidParameterError when not an integer in [min, max]
 */
export function intParam(params: URLSearchParams, name: string, min: number, max: number, fallback: number): number {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  return intInRange(name, Number(raw), min, max, `/query/${name}`, `"${raw}"`);
}

/** Every value of a repeatable parameter; `a,b` counts as two values. */
export function listParam(params: URLSearchParams, name: string): string[] | undefined {
  const values = params.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  return values.length > 0 ? values : undefined;
}

/**
 * A single value restricted to `choices`.
 * @throws InvalidParameterError for anything else
 */
export function choiceParam<T extends string>(params: URLSearchParams, name: string, choices: readonly T[]): T | undefined {
  const raw = params.get(name);
  if (raw === null || raw === '') return undefined;
  if (!(choices as readonly string[]).includes(raw)) {
    throw new InvalidParameterError(`${name} must be one of ${choices.join(', ')}, got "${raw}"`, [
      { pointer: `/query/${name}`, message: `must be one of ${choices.join(', ')}` },
    ]);
  }
  return raw as T;
}

/**
 * The product IRI from a percent-encoded path segment.
 * @throws InvalidParameterError when it is not an absolute IRI
 */
export function iriParam(c: Context, name = 'iri'): string {
  const iri = c.req.param(name) ?? '';
  if (!isAbsoluteIri(iri)) {
    throw new InvalidParameterError(`"${iri}" is not an absolute IRI; percent-encode the product IRI as one path segment`, [
      { pointer: `/path/${name}`, message: 'must be a percent-encoded absolute IRI' },
    ]);
  }
  return iri;
}

/** Opaque keyset cursor: the last IRI of the previous page, base64url-encoded. */
export const encodeCursor = (after: string): string => Buffer.from(JSON.stringify({ after }), 'utf8').toString('base64url');

/**
 * Decodes a cursor made by {@link encodeCursor}.
 * @throws InvalidParameterError for anything this API did not hand out
 */
export function decodeCursor(cursor: string | null): string | undefined {
  if (cursor === null || cursor === '') return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after?: unknown };
    if (typeof parsed.after === 'string' && isAbsoluteIri(parsed.after)) return parsed.after;
  } catch {
    // fall through to the error below
  }
  throw new InvalidParameterError('cursor is not one this API handed out; start again without it', [
    { pointer: '/query/cursor', message: 'invalid cursor' },
  ]);
}
