import type { Context } from 'hono';
import { MalformedInputError } from '@quanta/model';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { HttpError } from './http-error.js';

const JSON_TYPES = /^application\/(json|ld\+json|[a-z0-9.+-]+\+json)$/;
const YAML_TYPES = /^(application|text)\/(x-)?yaml$/;

/**
 * Reads a JSON or YAML body, chosen by `Content-Type`. The size limit is enforced while the body
 * streams in, so an oversized body is refused before it is buffered or parsed.
 * @throws HttpError 415 for other media types, 413 past `maxBytes`; MalformedInputError for broken syntax
 */
export async function readBody(c: Context, maxBytes: number, what = 'a descriptor'): Promise<unknown> {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const isJson = JSON_TYPES.test(mediaType);
  if (!isJson && !YAML_TYPES.test(mediaType)) {
    throw new HttpError(
      'unsupported-media-type',
      `Content-Type ${mediaType ? `"${mediaType}"` : 'is missing; it'} must be application/json, application/ld+json or application/yaml`,
    );
  }
  const text = await readText(c.req.raw, maxBytes);
  if (text.trim() === '') throw new MalformedInputError(`The body is empty; send ${what}.`);
  return isJson ? parseJson(text) : parseYamlText(text);
}

async function readText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new MalformedInputError('The body is not valid UTF-8');
  }
}

const tooLarge = (maxBytes: number) => new HttpError('payload-too-large', `The body exceeds the limit of ${maxBytes} bytes`);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    // V8's messages name the position ("Unexpected token } in JSON at position 42").
    throw new MalformedInputError(`Malformed JSON: ${(e as Error).message}`);
  }
}

function parseYamlText(text: string): unknown {
  try {
    // The core schema (no custom tags), unique keys, and few aliases: no billion-laughs expansion.
    return parseYaml(text, { schema: 'core', uniqueKeys: true, maxAliasCount: 50, prettyErrors: true });
  } catch (e) {
    if (e instanceof YAMLParseError || e instanceof Error) {
      throw new MalformedInputError(`Malformed YAML: ${e.message.split('\n')[0]}`);
    }
    throw e;
  }
}
