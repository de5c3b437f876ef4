#!/usr/bin/env node
/**
 * `npm run supergraph`: composes the subgraphs' SDL and writes the supergraph the gateway serves
 * (services/gateway/supergraph.graphql). Run it after changing a subgraph's schema.graphql; the
 * test command fails while the committed file is stale or the subgraphs do not compose.
 */
import { writeFileSync } from 'node:fs';
import { composeSupergraph, CompositionError, SUPERGRAPH_FILE } from '@quanta/gateway';
import { SUBGRAPH_SDLS } from './subgraphs.js';

try {
  writeFileSync(SUPERGRAPH_FILE, composeSupergraph(SUBGRAPH_SDLS));
  process.stdout.write(`supergraph written to ${SUPERGRAPH_FILE}\n`);
} catch (e) {
  if (!(e instanceof CompositionError)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exit(1);
}
