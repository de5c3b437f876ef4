import { randomUUID } from 'node:crypto';
import { ConsumerRefSchema, UsageInputSchema } from '@quanta/model';
import { BoundedQueue } from './buffer.js';
import { describeFailure } from './model-rules.js';

/** A usage report as `POST /api/v1/usage` takes it, less the product, which is known only once registered. */
export interface UsageReport {
  readonly consumer: string;
  readonly port?: string;
  readonly count: number;
  /** The latest use the report counts. */
  readonly at: string;
  /** Stable across retries, so Quanta stores the report once however often it is sent (ADR 0010). */
  readonly id: string;
}

/** What a use brings to a report; the product, the instant and the id are the sidecar's to add. */
const UseSchema = UsageInputSchema.pick({ consumer: true, port: true, count: true });

/**
 * Why Quanta would refuse `consumer` as the consumer of a product (a team slug such as
 * `analytics`, or a data product's absolute IRI), or undefined when it takes it. The same rules
 * as Quanta's (ConsumerRefSchema in @quanta/model), so a product can check a caller's claim
 * before counting it.
 *
 * @example invalidConsumer('analytics') // undefined
 * @example invalidConsumer('foo:bar') // 'consumer "foo:bar": must be a team slug …'
 */
export function invalidConsumer(consumer: unknown): string | undefined {
  const result = ConsumerRefSchema.safeParse(consumer);
  return result.success ? undefined : `consumer ${quote(consumer)}: ${describeFailure(result.error)}`;
}

/** Why a use cannot be reported, or undefined when it can: Quanta's rules for a usage report's fields. */
export function invalidUse(consumer: string, port: string | undefined, count: number): string | undefined {
  const consumerProblem = invalidConsumer(consumer);
  if (consumerProblem) return consumerProblem;
  const result = UseSchema.safeParse({ consumer, count, ...(port !== undefined && { port }) });
  return result.success ? undefined : describeFailure(result.error);
}

/** A value for a log line: quoted, and short, since it may come from a caller's header. */
function quote(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.length > 100 ? `${value.slice(0, 100)}…` : value) : `of type ${value === null ? 'null' : typeof value}`;
}

/**
 * Uses counted per (consumer, port) between flushes, then sealed into reports with an id each.
 * Counting in place keeps a busy product to one report per consumer per interval; sealing fixes a
 * report's id and count before it is first sent, so a retry is the same report.
 */
export class UsageLedger {
  readonly #open = new Map<string, { consumer: string; port?: string; count: number; at: string }>();
  readonly #sealed: BoundedQueue<UsageReport>;
  readonly #run = randomUUID();
  #sequence = 0;

  constructor(readonly capacity: number) {
    this.#sealed = new BoundedQueue(capacity);
  }

  /** Reports waiting to be sent, counted or sealed. */
  get size(): number {
    return this.#open.size + this.#sealed.size;
  }

  /**
   * Counts a use at `at`. @returns how many reports were dropped to make room (the oldest first)
   */
  record(consumer: string, port: string | undefined, count: number, at: string): number {
    const key = `${consumer}\n${port ?? ''}`;
    const open = this.#open.get(key);
    if (open) {
      open.count = Math.min(open.count + count, 1_000_000_000);
      open.at = at;
      return 0;
    }
    const dropped = this.size >= this.capacity ? this.#evictOldest() : 0;
    this.#open.set(key, { consumer, count, at, ...(port !== undefined && { port }) });
    return dropped;
  }

  /** Seals what was counted into reports, ready to send. @returns how many were dropped to make room */
  seal(): number {
    const reports = [...this.#open.values()].map((u): UsageReport => ({ ...u, id: `${this.#run}-${(this.#sequence += 1)}` }));
    this.#open.clear();
    return this.#sealed.push(reports);
  }

  /** The oldest `n` sealed reports, left in place until {@link sent}. */
  peek(n: number): readonly UsageReport[] {
    return this.#sealed.peek(n);
  }

  /** Forgets reports Quanta took (or refused for good). */
  sent(reports: readonly UsageReport[]): void {
    this.#sealed.remove(reports);
  }

  /** Empties the ledger. @returns how many reports it held */
  clear(): number {
    const n = this.size;
    this.#open.clear();
    this.#sealed.clear();
    return n;
  }

  #evictOldest(): number {
    if (this.#sealed.size > 0) {
      this.#sealed.remove(this.#sealed.peek(1));
      return 1;
    }
    const oldest = this.#open.keys().next();
    if (!oldest.done) this.#open.delete(oldest.value);
    return oldest.done ? 0 : 1;
  }
}
