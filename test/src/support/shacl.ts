import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import datasetFactory from '@rdfjs/dataset';
import { Parser, type Quad } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { ROOT } from './paths.js';

/** What a SHACL run found: whether the data conforms, and each result as one readable line. */
export interface ShaclOutcome {
  readonly conforms: boolean;
  readonly results: readonly string[];
}

/**
 * Validates RDF against the global policies in `ontologies/shapes.ttl`, independently of the
 * server's own semantic layer: a second SHACL run over what the API actually served.
 */
export async function shaclConforms(data: readonly Quad[]): Promise<ShaclOutcome> {
  const shapes = new Parser().parse(readFileSync(join(ROOT, 'ontologies/shapes.ttl'), 'utf8'));
  const validator = new SHACLValidator(datasetFactory.dataset(shapes));
  const report = await validator.validate(datasetFactory.dataset([...data]));
  const results = report.results.map(
    (r) => `${r.severity?.value ?? '?'} at ${r.focusNode?.value ?? '?'} ${r.path?.value ?? ''}: ${r.message.map((m) => m.value).join(' ')}`,
  );
  return { conforms: report.conforms, results };
}
