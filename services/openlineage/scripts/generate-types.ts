/**
 * Generates `src/generated/openlineage.ts` from the pinned schemas in `schemas/` with
 * json-schema-to-typescript: `npm run generate -w @quanta/openlineage`. The test
 * `src/generated/openlineage.test.ts` regenerates in memory and fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { buildFacetCatalog, type FacetLocation } from '../src/facet-catalog.js';
import { OPENLINEAGE_SPEC_PREFIX, type PinnedSchemas, readPinnedSchemas, schemasById } from '../src/schemas.js';

/** The generated file, beside the sources that import it. */
export const GENERATED_FILE = new URL('../src/generated/openlineage.ts', import.meta.url);

/** The standard facets Quanta reads, by location and key: `KnownFacets` lists exactly these. */
const READ_FACETS: Readonly<Record<'run' | 'job' | 'dataset', readonly string[]>> = {
  run: ['parent', 'errorMessage'],
  job: ['ownership', 'documentation', 'jobType', 'sql'],
  dataset: ['schema', 'columnLineage', 'ownership', 'documentation', 'symlinks', 'dataSource', 'lifecycleStateChange'],
};

const BANNER = `/**
 * GENERATED FILE, do not edit: \`npm run generate -w @quanta/openlineage\` writes it with
 * json-schema-to-typescript from the pinned OpenLineage schemas in \`schemas/\` (see
 * schemas/README.md), and a test fails when it no longer matches them. Type names are the
 * schemas' \`$defs\` names.
 */`;

/** The TypeScript source of the generated file, built from `pinned` without touching the network. */
export async function generateTypes(pinned: PinnedSchemas = readPinnedSchemas()): Promise<string> {
  const source = await compile(rootSchema(pinned), 'KnownFacets', {
    bannerComment: BANNER,
    // The event union hangs off the root's $defs; without this only KnownFacets' own parts are emitted.
    unreachableDefinitions: true,
    style: { singleQuote: true, printWidth: 120 },
    $refOptions: { resolve: { http: false, file: false, pinned: pinnedResolver(pinned) } },
  });
  return source;
}

/**
 * A schema that names what to generate: `KnownFacets`, the facets Quanta reads by location, and in
 * its `$defs` the core schema, whose `oneOf` becomes `OpenLineageEvent = RunEvent | DatasetEvent | JobEvent`.
 */
function rootSchema(pinned: PinnedSchemas): JSONSchema {
  const catalog = buildFacetCatalog(pinned);
  const facetsOf = (location: FacetLocation, keys: readonly string[]): JSONSchema => ({
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(
      keys.map((key) => {
        const reference = catalog.get(location)?.get(key);
        if (reference === undefined) throw new Error(`The pinned spec defines no ${location} facet "${key}"`);
        return [key, { $ref: reference }];
      }),
    ),
  });
  return {
    title: 'KnownFacets',
    description:
      'The standard facets Quanta reads, by where they are sent (run, job or dataset facets) and the key they are sent under.',
    type: 'object',
    additionalProperties: false,
    required: ['run', 'job', 'dataset'],
    properties: {
      run: facetsOf('run', READ_FACETS.run),
      job: facetsOf('job', READ_FACETS.job),
      dataset: facetsOf('dataset', READ_FACETS.dataset),
    },
    $defs: { OpenLineageEvent: { $ref: pinned.core.$id } },
  };
}

/**
 * Resolves `https://openlineage.io/spec/...` references to the pinned documents and nothing else.
 * Each definition gets its `$defs` name as `title` (in memory only), which is what
 * json-schema-to-typescript names types after; the core document is titled `OpenLineageEvent`.
 */
function pinnedResolver(pinned: PinnedSchemas) {
  const documents = schemasById(pinned);
  return {
    order: 1,
    canRead: (file: { url: string }) => file.url.startsWith(OPENLINEAGE_SPEC_PREFIX),
    read: (file: { url: string }) => {
      const document = documents.get(file.url.split('#')[0] ?? '');
      if (document === undefined) throw new Error(`${file.url} is not among the pinned schemas in schemas/`);
      const titledDefinitions = Object.fromEntries(Object.entries(document.$defs ?? {}).map(([name, definition]) => [name, { title: name, ...(definition as object) }]));
      const title = document === pinned.core ? { title: 'OpenLineageEvent' } : {};
      return JSON.stringify({ ...title, ...document, $defs: titledDefinitions });
    },
  };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(GENERATED_FILE, await generateTypes());
  console.log(`wrote ${fileURLToPath(GENERATED_FILE)}`);
}
