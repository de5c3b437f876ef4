import type { Iri, Product } from '@quanta/model';
import type { Clock } from '../ports/clock.js';
import type { KnowledgeGraph } from '../ports/knowledge-graph.js';
import type { SearchDocument, SearchIndex } from '../ports/search-index.js';
import type { OutboxEntry, ProductHead } from '../ports/search-outbox.js';
import { toSearchDocument } from '../projections/search-document.js';

/** How the projector paces itself. */
export interface ProjectorOptions {
  /** Outbox entries read and projected together: one engine write (one Meilisearch task) each. */
  readonly batchSize?: number;
  /** The first retry after a failure waits this long; each further failure doubles it... */
  readonly retryMinMs?: number;
  /** ...up to this (with jitter), so an engine that comes back is written to within it. */
  readonly retryMaxMs?: number;
  /** A failed write, with the attempt number (1 for the first failure in a row) and the wait before the next. */
  readonly onError?: (error: unknown, attempt: number, retryInMs: number) => void;
  /** The engine took writes again after `failures` failed attempts in a row. */
  readonly onRecovered?: (failures: number) => void;
  /** A product the projector could not turn into a document: skipped until its next revision; the reconciler lists it. */
  readonly onProjectionError?: (iri: Iri, error: unknown) => void;
  /** Random numbers in [0, 1) for the retry jitter (a test seeds it). */
  readonly random?: () => number;
}

/** The projector's own view of its health, for `/readyz` and `/metrics`. */
export interface ProjectorHealth {
  /** True after a failed write, until a write succeeds again. */
  readonly failing: boolean;
  /** Failed attempts in a row. */
  readonly consecutiveFailures: number;
  readonly lastError?: string;
  /** Products projected and failed attempts since the process started. */
  readonly projected: number;
  readonly failures: number;
}

/** What one drained batch did. */
export interface ProjectedBatch {
  /** The products whose documents were written. */
  readonly products: readonly Product[];
  /**
   * How long each completed outbox entry had waited since its change was committed (ms): one per
   * entry, so products gone from the graph or refused as documents count too.
   */
  readonly lagsMs: readonly number[];
}

/**
 * Drains the search outbox into the search index (ADR 0014). A registration commits its revision
 * and its outbox entry together and wakes the projector; the projector reads the oldest entries,
 * writes their products' current documents in one engine write, and only then removes the entries
 * (conditionally on their revision, so a change committed meanwhile stays pending). Any crash
 * between the write and the removal repeats a write, which the index's revision check makes
 * harmless. A failed write keeps the entries and retries with exponential backoff and jitter.
 */
export class SearchProjector {
  private readonly batchSize: number;
  private readonly retryMinMs: number;
  private readonly retryMaxMs: number;
  private readonly random: () => number;
  private running: Promise<void> | undefined;
  private again = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Callers waiting for the next drain that starts after they asked. */
  private waiting: (() => void)[] = [];
  private readonly listeners = new Set<(batch: ProjectedBatch) => void>();
  private health: { -readonly [K in keyof ProjectorHealth]: ProjectorHealth[K] } = {
    failing: false,
    consecutiveFailures: 0,
    projected: 0,
    failures: 0,
  };

  constructor(
    private readonly graph: KnowledgeGraph,
    private readonly search: SearchIndex,
    private readonly clock: Clock,
    private readonly options: ProjectorOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.retryMinMs = options.retryMinMs ?? 200;
    this.retryMaxMs = options.retryMaxMs ?? 10_000;
    this.random = options.random ?? Math.random;
  }

  /**
   * Also drains every `pollMs`: entries committed by another process sharing the graph, and the
   * backlog a crash left, are projected without anyone waking the projector.
   */
  start(pollMs = 1000): void {
    if (this.pollTimer || this.stopped) return;
    this.pollTimer = setInterval(() => this.wake(), pollMs);
    this.pollTimer.unref();
    this.wake();
  }

  /** A change was committed: drain now, unless a failure's backoff is running (its end drains). */
  wake(): void {
    if (this.stopped || this.retryTimer) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.cycle().finally(() => {
      this.running = undefined;
      // A wake that came after the cycle's last look would otherwise wait for the next poll.
      if (this.again) this.wake();
    });
  }

  /**
   * Wakes the projector and waits, at most `timeoutMs`, for a drain that starts after this call:
   * what lets a registration answer once its product is searchable while the engine is healthy.
   * While the engine is failing it does not wait at all: the registration is durable already.
   * @returns true when a drain ended in time without failing
   */
  async projectSoon(timeoutMs: number): Promise<boolean> {
    if (this.stopped || this.health.failing || timeoutMs <= 0) {
      this.wake();
      return false;
    }
    let timer: NodeJS.Timeout | undefined;
    const drained = new Promise<boolean>((resolve) => {
      this.waiting.push(() => resolve(!this.health.failing && !this.stopped));
      this.wake();
    });
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([drained, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Waits until the outbox is empty (tests, benches); gives up after `timeoutMs`. */
  async drained(timeoutMs = 30_000): Promise<boolean> {
    const deadline = this.clock.now() + timeoutMs;
    for (;;) {
      if ((await this.graph.outboxStatus()).pending === 0) return true;
      if (this.clock.now() >= deadline) return false;
      await this.projectSoon(Math.max(1, deadline - this.clock.now()));
      if (this.health.failing) await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Told after every batch written, e.g. to observe the commit-to-searchable lag. */
  onProjected(listener: (batch: ProjectedBatch) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Failures and totals since start. */
  get status(): ProjectorHealth {
    return { ...this.health };
  }

  /** Stops the timers and waits for a running batch to end; pending entries stay in the outbox. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    await this.running;
    // Nothing more will drain: whoever still waits is told no (their resolver reads `stopped`).
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  /** Drains until the outbox is empty or a write fails; again if a wake came in meanwhile. */
  private async cycle(): Promise<void> {
    do {
      this.again = false;
      const waiters = this.waiting.splice(0);
      try {
        while (!this.stopped && (await this.drainBatch()));
      } finally {
        for (const resolve of waiters) resolve();
      }
    } while (this.again && !this.retryTimer && !this.stopped);
  }

  /** Projects the oldest batch. @returns whether a full batch was written (more may wait) */
  private async drainBatch(): Promise<boolean> {
    try {
      const entries = await this.graph.pendingProjections(this.batchSize);
      if (entries.length === 0) {
        this.recovered();
        return false;
      }
      await this.project(entries);
      this.recovered();
      return entries.length === this.batchSize;
    } catch (error) {
      this.failed(error);
      return false;
    }
  }

  private async project(entries: readonly OutboxEntry[]): Promise<void> {
    const products = await this.graph.getProducts(entries.map((e) => e.iri));
    const documents: SearchDocument[] = [];
    const written: Product[] = [];
    const gone: Iri[] = [];
    entries.forEach((entry, k) => {
      const product = products[k];
      if (!product) return void gone.push(entry.iri);
      try {
        documents.push(toSearchDocument(product));
        written.push(product);
      } catch (error) {
        this.options.onProjectionError?.(product.iri, error);
      }
    });
    if (documents.length > 0) await this.search.upsert(documents);
    if (gone.length > 0) await this.search.remove(gone);
    // The revision read, not the entry's: a newer change committed before the read is projected too.
    const done: ProductHead[] = entries.map((e, k) => ({ iri: e.iri, revision: Math.max(e.revision, products[k]?.revision ?? 0) }));
    await this.graph.completeProjections(done);
    const now = this.clock.now();
    this.health.projected += documents.length;
    const batch = { products: written, lagsMs: entries.map((e) => Math.max(0, now - Date.parse(e.enqueuedAt))) };
    for (const listener of this.listeners) listener(batch);
  }

  private recovered(): void {
    if (!this.health.failing) return;
    const failures = this.health.consecutiveFailures;
    this.health = { ...this.health, failing: false, consecutiveFailures: 0 };
    delete this.health.lastError;
    this.options.onRecovered?.(failures);
  }

  /** Keeps the entries and schedules the next attempt: exponential backoff with full jitter above half. */
  private failed(error: unknown): void {
    const attempt = this.health.consecutiveFailures + 1;
    this.health = { ...this.health, failing: true, consecutiveFailures: attempt, lastError: (error as Error)?.message ?? String(error), failures: this.health.failures + 1 };
    const ceiling = Math.min(this.retryMaxMs, this.retryMinMs * 2 ** Math.min(attempt - 1, 30));
    const wait = Math.round(ceiling * (0.5 + this.random() / 2));
    this.options.onError?.(error, attempt, wait);
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.wake();
    }, wait);
    this.retryTimer.unref();
  }
}
