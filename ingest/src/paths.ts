import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The demo mesh shipped with the CLI (ingest/demo/products). */
export const DEMO_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'demo', 'products');

/**
 * The server's entry point. Resolved as a file to run in a child process, never imported:
 * the CLI reaches the system over HTTP only (DESIGN.md §3, rule 4).
 */
export function serverEntry(): string {
  return createRequire(import.meta.url).resolve('@quanta/server/main');
}

/** The demo products that define shared concepts, in load order (see the file's header). */
export const DEMO_CONCEPT_HOMES = join(DEMO_DIR, '..', 'concept-homes.txt');

/** The demo mesh's signal history: usage, ratings and SLO checks (see the file's header). */
export const DEMO_SIGNALS = join(DEMO_DIR, '..', 'signals.yaml');
