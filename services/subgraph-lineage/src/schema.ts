import { readFileSync } from 'node:fs';
import { parse } from 'graphql';

/** The lineage subgraph's SDL (`schema.graphql`), read from the package whether built or not. */
export const typeDefs = parse(readFileSync(new URL('../src/schema.graphql', import.meta.url), 'utf8'));
