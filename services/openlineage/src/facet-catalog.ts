import type { PinnedSchemas, SchemaDocument } from './schemas.js';

/**
 * Where a facet can be sent. The same key means different facets in different places (`ownership`
 * of a job is not `ownership` of a dataset; `dataQualityMetrics` is a dataset facet and an input
 * facet), so a facet is known by its location and its key together.
 */
export type FacetLocation = 'run' | 'job' | 'dataset' | 'inputDataset' | 'outputDataset';

/** The core definition a facet definition extends names its location. */
const LOCATION_OF_BASE: Readonly<Record<string, FacetLocation>> = {
  RunFacet: 'run',
  JobFacet: 'job',
  DatasetFacet: 'dataset',
  InputDatasetFacet: 'inputDataset',
  OutputDatasetFacet: 'outputDataset',
};

/** The standard facets: for a location and key, the `$ref` of the definition that facet must satisfy. */
export type FacetCatalog = ReadonlyMap<FacetLocation, ReadonlyMap<string, string>>;

type Schema = Readonly<Record<string, unknown>>;

/**
 * Builds the catalog from the facet schemas themselves: each file's top-level `properties` name the
 * keys it defines, and each definition they point to extends one core facet definition, which gives
 * the location. Reading it from the spec keeps the catalog right when the pinned copy is updated.
 * @throws Error when a facet schema does not have that shape, or two define the same facet
 */
export function buildFacetCatalog(pinned: PinnedSchemas): FacetCatalog {
  const catalog = new Map<FacetLocation, Map<string, string>>();
  for (const document of pinned.facets) {
    for (const [key, property] of Object.entries(document.properties ?? {})) {
      for (const definition of definitionsBehind(property as Schema, document)) {
        const location = locationOf(definition, document, pinned.core.$id);
        const byKey = catalog.get(location) ?? new Map<string, string>();
        const reference = `${document.$id}#/$defs/${definition}`;
        const existing = byKey.get(key);
        if (existing !== undefined && existing !== reference) {
          throw new Error(`Two facet schemas define the ${location} facet "${key}": ${existing} and ${reference}`);
        }
        catalog.set(location, byKey.set(key, reference));
      }
    }
  }
  return catalog;
}

/** The definitions a facet property resolves to, following local `$ref`s and `anyOf`/`oneOf` alternatives. */
function definitionsBehind(schema: Schema, document: SchemaDocument): string[] {
  const alternatives = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (alternatives !== undefined && schema.allOf === undefined) {
    return alternatives.flatMap((alternative) => definitionsBehind(alternative, document));
  }
  const reference = schema.$ref;
  if (typeof reference !== 'string' || !reference.startsWith('#/$defs/')) {
    throw new Error(`${document.$id}: a facet property must point to a definition, found ${JSON.stringify(schema)}`);
  }
  const name = reference.slice('#/$defs/'.length);
  const definition = document.$defs?.[name] as Schema | undefined;
  if (definition === undefined) throw new Error(`${document.$id}: ${reference} is not defined`);
  // A definition that only chooses between others (BaseSubsetDatasetFacet: input or output) is not a facet itself.
  const isChoice = definition.allOf === undefined && (definition.anyOf ?? definition.oneOf) !== undefined;
  return isChoice ? definitionsBehind(definition, document) : [name];
}

function locationOf(definition: string, document: SchemaDocument, coreId: string): FacetLocation {
  const parts = ((document.$defs?.[definition] as Schema).allOf ?? []) as Schema[];
  for (const part of parts) {
    const reference = part.$ref;
    if (typeof reference !== 'string' || !reference.startsWith(`${coreId}#/$defs/`)) continue;
    const location = LOCATION_OF_BASE[reference.slice(`${coreId}#/$defs/`.length)];
    if (location !== undefined) return location;
  }
  throw new Error(`${document.$id}#/$defs/${definition} extends none of the core facet definitions of ${coreId}`);
}
