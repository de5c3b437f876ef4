import { Piscina } from 'piscina';
import type { SemanticLayer } from '@quanta/core';
import { type Descriptor, type EntityModel, type Iri, type Product, type ProductSemantics, type RdfFormat, UnavailableError, ValidationError } from '@quanta/model';
import type { AnalysisOutcome, AnalysisTask } from './analysis-worker.js';
import { JsonLdSemanticLayer, type SemanticLayerOptions } from './jsonld-semantic-layer.js';

/** How many threads analyse, and how much heap each may hold. */
export interface WorkerPoolOptions extends SemanticLayerOptions {
  /** Worker threads, at least 1; each compiles the shapes and parses the contexts once. */
  readonly threads: number;
  /**
   * Old-generation heap cap per thread, in MiB (default 192). Analysis keeps almost nothing alive
   * (~30 MiB: jsonld, the shapes, the contexts) but allocates fast; an uncapped heap lets V8 grow
   * the old space with garbage under load, a small one keeps it collected.
   */
  readonly maxHeapMb?: number;
}

/**
 * The semantic layer on worker threads (ADR 0007). Reading JSON-LD and running SHACL is pure CPU
 * work, ~1–2 ms a registration: on the event loop it would stall every other request, and its
 * garbage would inflate the main heap that holds the search index. Each thread runs its own
 * `JsonLdSemanticLayer`, so results are the same as in process; bad input comes back as the same
 * `ValidationError`. `close()` ends the threads.
 */
export class WorkerPoolSemanticLayer implements SemanticLayer {
  private closed = false;

  private constructor(private readonly pool: Piscina<AnalysisTask, AnalysisOutcome>) {}

  /**
   * Starts the threads.
   * @throws Error when the shapes or contexts are broken (checked here first, on the calling
   *   thread, so start-up fails with the real message instead of every task failing later)
   */
  static create(options: WorkerPoolOptions): WorkerPoolSemanticLayer {
    const { threads, maxHeapMb = 192, ...layerOptions } = options;
    if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be a positive integer, got ${threads}`);
    JsonLdSemanticLayer.create(layerOptions);
    // Tests run the TypeScript sources, and vitest does not transform worker threads: load the
    // worker through tsx then. A build runs the compiled .js as is.
    const fromSource = import.meta.url.endsWith('.ts');
    const pool = new Piscina<AnalysisTask, AnalysisOutcome>({
      filename: new URL(fromSource ? './analysis-worker.ts' : './analysis-worker.js', import.meta.url).href,
      ...(fromSource && { execArgv: ['--import', 'tsx'] }),
      minThreads: threads,
      maxThreads: threads,
      workerData: layerOptions,
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
    });
    return new WorkerPoolSemanticLayer(pool);
  }

  async analyze(descriptor: Descriptor, knownConcepts: ReadonlySet<Iri>): Promise<ProductSemantics> {
    return (await this.run({ op: 'analyze', descriptor, known: [...knownConcepts] })) as ProductSemantics;
  }

  async exportProduct(product: Product, format: RdfFormat, knownConcepts: ReadonlySet<Iri>): Promise<string> {
    return (await this.run({ op: 'export', product, format, known: [...knownConcepts] })) as string;
  }

  async entityModel(descriptor: Descriptor): Promise<EntityModel> {
    return (await this.run({ op: 'entities', descriptor, known: [] })) as EntityModel;
  }

  /** Refuses new tasks (`UnavailableError`), then ends the threads once the tasks under way have finished. */
  async close(): Promise<void> {
    this.closed = true;
    await this.pool.close();
  }

  private async run(task: AnalysisTask): Promise<ProductSemantics | EntityModel | string> {
    if (this.closed) throw new UnavailableError('The semantic layer is shutting down; retry on another instance or after the restart.');
    let outcome: AnalysisOutcome;
    try {
      outcome = await this.pool.run(task);
    } catch (err) {
      // The thread died over this input (the pool starts a new one): the input needed more memory
      // than a thread may hold, so it is refused like any other input that cannot be read.
      if ((err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        const message = 'The descriptor and its semantic model need more memory to analyse than Quanta allows; split the model or trim it.';
        throw new ValidationError(message, [{ pointer: '', message }]);
      }
      throw err;
    }
    if (!outcome.ok) throw new ValidationError(outcome.message, outcome.issues);
    return outcome.value;
  }
}
