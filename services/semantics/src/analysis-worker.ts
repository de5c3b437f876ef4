/**
 * What a semantic-analysis worker thread runs (`WorkerPoolSemanticLayer`): one `JsonLdSemanticLayer`
 * per thread, built once from the options the pool hands over as `workerData`.
 */
import { workerData } from 'node:worker_threads';
import { type Descriptor, type EntityModel, type InputIssue, type Iri, type Product, type ProductSemantics, type RdfFormat, ValidationError } from '@quanta/model';
import { JsonLdSemanticLayer, type SemanticLayerOptions } from './jsonld-semantic-layer.js';

/** One call of the `SemanticLayer` port, as plain data that crosses the thread boundary. */
export type AnalysisTask =
  | { readonly op: 'analyze'; readonly descriptor: Descriptor; readonly known: readonly Iri[] }
  | { readonly op: 'export'; readonly product: Product; readonly format: RdfFormat; readonly known: readonly Iri[] }
  | { readonly op: 'entities'; readonly descriptor: Descriptor; readonly known: readonly Iri[] };

/**
 * A task's result. Bad input comes back as data, not as a thrown error: structured cloning keeps
 * only an Error's message, and the caller must get its `ValidationError` with the pointers back.
 */
export type AnalysisOutcome =
  | { readonly ok: true; readonly value: ProductSemantics | EntityModel | string }
  | { readonly ok: false; readonly message: string; readonly issues: readonly InputIssue[] };

const layer = JsonLdSemanticLayer.create((workerData ?? {}) as SemanticLayerOptions);

/** Runs one task on this thread's layer. Anything but bad input (a bug) is thrown as is. */
export default async function analyse(task: AnalysisTask): Promise<AnalysisOutcome> {
  const known = new Set(task.known);
  try {
    const value =
      task.op === 'analyze'
        ? await layer.analyze(task.descriptor, known)
        : task.op === 'export'
          ? await layer.exportProduct(task.product, task.format, known)
          : await layer.entityModel(task.descriptor);
    return { ok: true, value };
  } catch (err) {
    if (err instanceof ValidationError) return { ok: false, message: err.message, issues: err.issues };
    throw err;
  }
}
