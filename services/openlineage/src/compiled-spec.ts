import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { LineageEventKind } from './event-kind.js';
import { buildFacetCatalog, type FacetCatalog, type FacetLocation } from './facet-catalog.js';
import { type PinnedSchemas, readPinnedSchemas } from './schemas.js';

/** The spec, compiled: one validator per event kind, and the standard facets' validators on demand. */
export interface CompiledSpec {
  readonly events: Readonly<Record<LineageEventKind, ValidateFunction>>;
  /** The validator of a standard facet, or undefined for a custom one (or a key the location does not define). */
  facet(location: FacetLocation, key: string): ValidateFunction | undefined;
}

// Read at module load, so no request waits on the disk; compiled on first use, so importing the
// package for its node ids costs no compilation.
const PINNED = readPinnedSchemas();
let compiled: CompiledSpec | undefined;

/** The pinned spec compiled into one Ajv instance, built once. */
export function compiledSpec(): CompiledSpec {
  compiled ??= compileSpec(PINNED);
  return compiled;
}

/**
 * Loads the core schema and every facet schema into one Ajv 2020-12 instance: the facet schemas
 * `$ref` the core by its absolute `$id`, which Ajv resolves among the loaded documents and never
 * fetches (no `loadSchema` is given). `strict: false` because the spec uses the non-standard
 * `example` keyword; `allErrors` so one answer lists everything to fix.
 */
export function compileSpec(pinned: PinnedSchemas): CompiledSpec {
  const ajv = new Ajv2020({ strict: false, allErrors: true, schemas: [pinned.core, ...pinned.facets] });
  // ajv-formats is CommonJS: under NodeNext its default import is the module, whose `default` is the plugin.
  addFormats.default(ajv);
  const definition = (name: string) => {
    const validate = ajv.getSchema(`${pinned.core.$id}#/$defs/${name}`);
    if (validate === undefined) throw new Error(`The core schema ${pinned.core.$id} defines no ${name}`);
    return validate;
  };
  const catalog: FacetCatalog = buildFacetCatalog(pinned);
  return {
    events: { run: definition('RunEvent'), dataset: definition('DatasetEvent'), job: definition('JobEvent') },
    facet(location, key) {
      const reference = catalog.get(location)?.get(key);
      // getSchema compiles a definition the first time it is asked for and caches it.
      return reference === undefined ? undefined : ajv.getSchema(reference);
    },
  };
}
