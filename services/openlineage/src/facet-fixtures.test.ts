import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compiledSpec } from './compiled-spec.js';
import { buildFacetCatalog, type FacetLocation } from './facet-catalog.js';
import { readPinnedSchemas } from './schemas.js';

// The spec keeps sample facets beside it: spec/tests/<FacetSchemaFile>/*.json, each `{ "<key>": facet }`.
const SAMPLES = new URL('../../../../shared/fixtures/openlineage/spec/tests/', import.meta.url);
const pinned = readPinnedSchemas();
const catalog = buildFacetCatalog(pinned);

/** The locations where the schema file `schemaFile` defines the facet `key`. */
function locationsOf(schemaFile: string, key: string): FacetLocation[] {
  const document = pinned.facets.find((facet) => facet.$id.endsWith(`/${schemaFile}.json`));
  if (document === undefined) return [];
  return [...catalog].filter(([, byKey]) => byKey.get(key)?.startsWith(`${document.$id}#`)).map(([location]) => location);
}

const samples = readdirSync(SAMPLES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((folder) => readdirSync(new URL(`${folder.name}/`, SAMPLES)).map((file) => `${folder.name}/${file}`))
  .sort();

describe('facet samples of the spec against their facet schema', () => {
  it(`finds the 46 samples in ${SAMPLES.pathname}`, () => {
    expect(samples).toHaveLength(46);
  });

  for (const sample of samples) {
    it(`${sample} is valid where its schema file defines it`, () => {
      const schemaFile = sample.split('/')[0] as string;
      const document = JSON.parse(readFileSync(new URL(sample, SAMPLES), 'utf8')) as Record<string, unknown>;
      for (const [key, facet] of Object.entries(document)) {
        const locations = locationsOf(schemaFile, key);
        // A key the file does not define would pass vacuously: it is a failure instead.
        expect(locations, `${schemaFile} defines "${key}"`).not.toEqual([]);
        const valid = locations.filter((location) => compiledSpec().facet(location, key)?.(facet) === true);
        expect(valid, `"${key}" valid as a facet of ${locations.join(' or ')}`).not.toEqual([]);
      }
    });
  }
});

describe('the facet catalog read from the spec', () => {
  it('knows the facets Quanta reads at their locations, and keeps same-named facets of different locations apart', () => {
    const keys = (location: FacetLocation) => [...(catalog.get(location)?.keys() ?? [])];
    expect(keys('run')).toEqual(expect.arrayContaining(['parent', 'errorMessage', 'nominalTime']));
    expect(keys('job')).toEqual(expect.arrayContaining(['ownership', 'documentation', 'jobType', 'sql']));
    expect(keys('dataset')).toEqual(
      expect.arrayContaining(['schema', 'columnLineage', 'ownership', 'documentation', 'symlinks', 'dataSource', 'lifecycleStateChange']),
    );
    expect(catalog.get('job')?.get('ownership')).toMatch(/OwnershipJobFacet\.json#\/\$defs\/OwnershipJobFacet$/);
    expect(catalog.get('dataset')?.get('ownership')).toMatch(/OwnershipDatasetFacet\.json#\/\$defs\/OwnershipDatasetFacet$/);
    expect(catalog.get('inputDataset')?.get('dataQualityMetrics')).toMatch(/DataQualityMetricsInputDatasetFacet\.json#/);
    expect(catalog.get('outputDataset')?.get('subset')).toMatch(/#\/\$defs\/OutputSubsetOutputDatasetFacet$/);
  });
});
