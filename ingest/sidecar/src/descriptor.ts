import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { DescriptorObject } from './types.js';

/** A descriptor ready to `PUT /api/v1/products`. */
export interface DescriptorBody {
  readonly body: string;
  readonly contentType: 'application/json' | 'application/yaml';
}

/**
 * The body to register: an object as JSON, a file as the text it holds. A YAML file is sent as
 * YAML, which Quanta parses itself (safely: core schema, few aliases), so the sidecar needs no
 * YAML parser and the product no extra dependency.
 * @returns the body, or why the file could not be read
 */
export async function descriptorBody(descriptor: DescriptorObject | string): Promise<DescriptorBody | { readonly unreadable: string }> {
  try {
    if (typeof descriptor !== 'string') return { body: JSON.stringify(descriptor), contentType: 'application/json' };
    const body = await readFile(descriptor, 'utf8');
    return { body, contentType: isJson(descriptor, body) ? 'application/json' : 'application/yaml' };
  } catch (e) {
    const what = typeof descriptor === 'string' ? `the descriptor file ${descriptor}` : 'the descriptor as JSON';
    return { unreadable: `cannot read ${what}: ${(e as Error).message}` };
  }
}

/** `.json` is JSON and `.yaml`/`.yml` YAML; otherwise a body that opens with `{` is JSON. */
function isJson(path: string, body: string): boolean {
  const ext = extname(path).toLowerCase();
  if (ext === '.json' || ext === '.jsonld') return true;
  if (ext === '.yaml' || ext === '.yml') return false;
  return body.trimStart().startsWith('{');
}
