import type { RefProblem } from './dpds-refs.js';
import type { Json } from './json-reading.js';
import { ancestorsOf, pointerOf, type SourceReader } from './source-reader.js';

/**
 * The DPDS mapping's view of the {@link SourceReader}: the same `use` and `skip`, made to keep the
 * report short where DPDS's nesting (ports in files in ports) would make it long:
 *
 * - a skip folds in the unresolved `$ref`s found under it;
 * - skips and unresolved `$ref`s under a part nothing was used from are lifted to that part, so the
 *   report says `/…/obligations: termsAndConditions, billingPolicy: policies …` once, rather than
 *   one line per skipped child.
 *
 * Call {@link finish} once the mapping is done; only then does the reader learn the skips.
 */
export class Report {
  private readonly used = new Set<string>();
  private readonly skipped = new Map<string, string>();
  private pending: RefProblem[];

  constructor(
    private readonly source: SourceReader,
    problems: readonly RefProblem[],
  ) {
    this.pending = [...problems];
  }

  /** Marks parts as carried into the descriptor. */
  use(...pointers: string[]): void {
    for (const pointer of pointers) {
      this.used.add(pointer);
      this.source.use(pointer);
    }
  }

  /** Marks a part as deliberately not carried, with the unresolved `$ref`s under it added to the reason. */
  skip(pointer: string, reason: string): void {
    const under = this.pending.filter((p) => p.pointer === pointer || p.pointer.startsWith(`${pointer}/`));
    this.pending = this.pending.filter((p) => !under.includes(p));
    const folded = under.map((p) => (p.pointer === pointer ? p.reason : `at ${p.pointer.slice(pointer.length)}, ${p.reason}`));
    this.skipped.set(pointer, [reason, ...folded].join('; '));
  }

  /** Skips every key of `value` (at `pointer`) but those in `kept`. */
  skipRest(value: Json, pointer: string, kept: readonly string[], reason: string): void {
    for (const key of Object.keys(value)) if (!kept.includes(key)) this.skip(`${pointer}${pointerOf(key)}`, reason);
  }

  /** Hands the skips and the still unresolved `$ref`s to the reader. */
  finish(): void {
    for (const p of this.pending) this.skipped.set(p.pointer, this.skipped.has(p.pointer) ? `${this.skipped.get(p.pointer)}; ${p.reason}` : p.reason);
    this.pending = [];
    const touched = ancestorsOf(this.used);
    const lifted = new Map<string, Map<string, string[]>>();
    for (const [pointer, reason] of this.skipped) {
      const top = this.untouchedAncestor(pointer, touched);
      if (top === undefined) {
        this.source.skip(pointer, reason);
        continue;
      }
      const byReason = lifted.get(top) ?? new Map<string, string[]>();
      byReason.set(reason, [...(byReason.get(reason) ?? []), pointer.slice(top.length + 1)]);
      lifted.set(top, byReason);
    }
    for (const [top, byReason] of lifted) {
      if (this.skipped.has(top)) continue;
      this.source.skip(top, [...byReason].map(([reason, parts]) => `${parts.join(', ')}: ${reason}`).join('; '));
    }
  }

  /**
   * The shallowest proper ancestor nothing was used under, where the skip is lifted to.
   * @param touched every proper ancestor of a used part
   */
  private untouchedAncestor(pointer: string, touched: ReadonlySet<string>): string | undefined {
    for (let i = pointer.indexOf('/', 1); i > 0; i = pointer.indexOf('/', i + 1)) {
      const ancestor = pointer.slice(0, i);
      if (this.used.has(ancestor)) return undefined;
      if (!touched.has(ancestor)) return ancestor;
    }
    return undefined;
  }
}
