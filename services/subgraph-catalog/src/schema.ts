import { readSdl } from '@quanta/gateway';

/** The catalog subgraph's SDL (`schema.graphql`). */
export const typeDefs = readSdl(new URL('../src/schema.graphql', import.meta.url));
