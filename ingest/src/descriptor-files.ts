import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { DEMO_CONCEPT_HOMES, DEMO_DIR } from './paths.js';

/** A descriptor file to register, with its text and format. */
export interface DescriptorFile {
  readonly path: string;
  readonly text: string;
  readonly format: 'yaml' | 'json';
}

const FORMATS: Record<string, 'yaml' | 'json'> = { '.yaml': 'yaml', '.yml': 'yaml', '.json': 'json', '.jsonld': 'json' };

/** Every descriptor file under the given files and folders (recursively), in a stable order. */
export async function collectDescriptorFiles(paths: readonly string[]): Promise<DescriptorFile[]> {
  const found: string[] = [];
  for (const p of paths) await walk(p, found);
  found.sort();
  return Promise.all(found.map(async (path) => ({ path, text: await readFile(path, 'utf8'), format: FORMATS[extname(path)] ?? 'yaml' })));
}

async function walk(path: string, out: string[]): Promise<void> {
  if ((await stat(path)).isDirectory()) {
    for (const entry of await readdir(path)) await walk(join(path, entry), out);
  } else if (FORMATS[extname(path)]) {
    out.push(path);
  }
}

/**
 * The demo mesh, concept homes first (ingest/demo/concept-homes.txt), then every other product in
 * folder order: each product then registers after the models that define the concepts it claims.
 */
export async function demoDescriptorFiles(): Promise<DescriptorFile[]> {
  const homes = (await readFile(DEMO_CONCEPT_HOMES, 'utf8'))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((file) => join(DEMO_DIR, file));
  const files = await collectDescriptorFiles([DEMO_DIR]);
  const rank = (path: string) => {
    const i = homes.indexOf(path);
    return i < 0 ? homes.length : i;
  };
  const missing = homes.filter((h) => !files.some((f) => f.path === h));
  if (missing.length > 0) throw new Error(`concept-homes.txt names files that do not exist: ${missing.join(', ')}`);
  // Array.prototype.sort is stable: products outside the list keep their folder order.
  return files.sort((a, b) => rank(a.path) - rank(b.path));
}
