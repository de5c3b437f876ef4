import { readFileSync } from 'node:fs';
import { type DocumentNode, parse } from 'graphql';

/**
 * A subgraph's SDL, parsed from its `schema.graphql`. Subgraphs pass `new URL('../src/schema.graphql',
 * import.meta.url)`: the same file whether the package runs from `src/` or from `dist/`.
 */
export const readSdl = (file: URL): DocumentNode => parse(readFileSync(file, 'utf8'));
