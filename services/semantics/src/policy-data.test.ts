import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type Descriptor, parseDescriptor } from '@quanta/model';
import { shapesTurtle } from '@quanta/ontologies';
import { JsonLdSemanticLayer } from './jsonld-semantic-layer.js';

// The checker hands SHACL only the triples the shapes can reach. A shape with sh:closed can see
// every predicate, so adding one (that targets nothing) makes the checker pass all data: the two
// layers must then agree on every finding, or leaving triples out changed a result.
const ALL_DATA_SHAPES = `${shapesTurtle()}\n<urn:quanta:test:open> <http://www.w3.org/ns/shacl#closed> false .\n`;
const filtered = JsonLdSemanticLayer.create();
const unfiltered = JsonLdSemanticLayer.create({ shapes: ALL_DATA_SHAPES });

const DEMO = new URL('../../../ingest/demo/products/', import.meta.url);
const demo: Descriptor[] = readdirSync(DEMO, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => parseDescriptor(parse(readFileSync(new URL(f, DEMO), 'utf8'))));

describe('policy data: only the triples the shapes can reach go to the validator', () => {
  it('finds exactly what a run over all the data finds, for every demo product and each broken policy', async () => {
    const [first] = demo;
    if (!first) throw new Error('no demo products found');
    const broken: Descriptor[] = [
      { ...first, outputPorts: [] },
      { ...first, description: 'short' },
      { ...first, classification: undefined },
      { ...first, outputPorts: first.outputPorts?.map((p) => ({ ...p, slos: undefined })) },
    ];
    let compared = 0;
    for (const d of [...demo, ...broken]) {
      const [a, b] = await Promise.all([filtered.analyze(d, new Set()), unfiltered.analyze(d, new Set())]);
      expect(a.findings, d.id).toEqual(b.findings);
      compared += a.findings.length;
    }
    // Not a vacuous comparison: the broken variants and the demo's unknown concepts produce findings.
    expect(compared).toBeGreaterThan(demo.length);
  }, 60_000);
});
