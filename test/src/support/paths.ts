import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** The built server entry point and CLI. */
export const SERVER_MAIN = join(ROOT, 'services', 'server', 'dist', 'main.js');
export const CLI = join(ROOT, 'ingest', 'dist', 'cli.js');
