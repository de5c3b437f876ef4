import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '@quanta/api';
import { type Catalog, createCatalog, systemClock } from '@quanta/core';
import { SqliteKnowledgeGraph } from '@quanta/graph-embedded';
import { SYSTEM } from '@quanta/model';
import { EmbeddedSearchIndex } from '@quanta/search-embedded';
import { JsonLdSemanticLayer } from '@quanta/semantics';
import { pino } from 'pino';

/** The API in process, with what the fuzzers inspect behind it. */
export interface InProcessApi {
  readonly app: ReturnType<typeof createApp>;
  readonly graph: SqliteKnowledgeGraph;
  readonly catalog: Catalog;
  close(): Promise<void>;
}

/**
 * The real API over the embedded graph, search engine and semantic layer, in this process: the
 * fuzzers send tens of thousands of requests, which loopback HTTP would spend most of its time on.
 */
export async function inProcessApi(): Promise<InProcessApi> {
  const dir = mkdtempSync(join(tmpdir(), 'quanta-fuzz-'));
  const graph = SqliteKnowledgeGraph.open({ file: join(dir, 'graph.db') });
  const catalog = createCatalog({ graph, search: new EmbeddedSearchIndex(), clock: systemClock, semantics: JsonLdSemanticLayer.create() });
  const app = createApp({ catalog, logger: pino({ level: 'silent' }), maxBodyBytes: 256 * 1024, authenticate: () => SYSTEM });
  return {
    app,
    graph,
    catalog,
    close: async () => {
      await catalog.projector.stop();
      await graph.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
