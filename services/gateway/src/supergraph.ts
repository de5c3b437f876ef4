import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The committed supergraph SDL (`npm run supergraph` writes it; the test command checks it is current). */
export const SUPERGRAPH_FILE = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));

/** The committed supergraph SDL the gateway serves. */
export const readSupergraph = (): string => readFileSync(SUPERGRAPH_FILE, 'utf8');
