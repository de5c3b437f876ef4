import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

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
