import { readFileSync, readdirSync } from 'node:fs';

/** A JSON Schema document as parsed from disk: only the keys this package reads are typed. */
export interface SchemaDocument {
  readonly $id: string;
  readonly $defs?: Readonly<Record<string, unknown>>;
  readonly properties?: Readonly<Record<string, unknown>>;
  readonly [keyword: string]: unknown;
}

/** The pinned OpenLineage schemas: the core event schema and every standard facet schema. */
export interface PinnedSchemas {
  readonly core: SchemaDocument;
  /** One document per `schemas/facets/*.json`, in file-name order. */
  readonly facets: readonly SchemaDocument[];
}

/** Where the package keeps its copy of the spec; from `src/` and from `dist/` alike it is `../schemas/`. */
const SCHEMA_DIRECTORY = new URL('../schemas/', import.meta.url);

/** Every `$ref` between the pinned documents starts with this; nothing else is ever resolved. */
export const OPENLINEAGE_SPEC_PREFIX = 'https://openlineage.io/spec/';

/**
 * Reads the pinned schemas from the package's `schemas/` folder (shipped in `files`). Synchronous
 * and meant to run once at module load, so no request ever waits on the file system.
 * @throws Error when a file is not a schema with an OpenLineage `$id`
 */
export function readPinnedSchemas(directory: URL = SCHEMA_DIRECTORY): PinnedSchemas {
  const facetDirectory = new URL('facets/', directory);
  const facetFiles = readdirSync(facetDirectory)
    .filter((file) => file.endsWith('.json'))
    .sort();
  return {
    core: readSchema(new URL('OpenLineage.json', directory)),
    facets: facetFiles.map((file) => readSchema(new URL(file, facetDirectory))),
  };
}

function readSchema(file: URL): SchemaDocument {
  const document: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isSchemaDocument(document) || !document.$id.startsWith(OPENLINEAGE_SPEC_PREFIX)) {
    throw new Error(`${file.pathname} is not an OpenLineage JSON Schema (its $id must start with ${OPENLINEAGE_SPEC_PREFIX})`);
  }
  return document;
}

function isSchemaDocument(value: unknown): value is SchemaDocument {
  return typeof value === 'object' && value !== null && typeof (value as { $id?: unknown }).$id === 'string';
}

/** Every pinned document by its `$id`, which is how the documents `$ref` each other. */
export function schemasById(pinned: PinnedSchemas): ReadonlyMap<string, SchemaDocument> {
  return new Map([pinned.core, ...pinned.facets].map((document) => [document.$id, document]));
}
