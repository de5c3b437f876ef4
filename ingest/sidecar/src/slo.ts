import { SloCheckInputSchema } from '@quanta/model';
import { describeFailure } from './model-rules.js';
import type { SloCheck } from './types.js';

/** An SLO check as `POST …/slo-checks` takes it: its instant fixed, so a retry is the same check. */
export interface SloCheckBody {
  readonly metric: string;
  readonly passed: boolean;
  readonly port?: string;
  readonly value?: number;
  readonly at: string;
}

/**
 * The body of a check measured by the product, stamped `at` when it carries no instant; or why
 * Quanta would refuse it, by Quanta's own schema (SloCheckInputSchema in @quanta/model). Checked
 * here because one bad check costs its whole batch a refusal. Whether the product declares the
 * metric is Quanta's to say: the sidecar may hold the descriptor only as a YAML file it does not
 * parse (see the outbox, which drops just the checks Quanta names).
 */
export function sloCheckBody(check: SloCheck, at: string): SloCheckBody | { readonly invalid: string } {
  const c = (typeof check === 'object' && check !== null ? check : {}) as Partial<SloCheck>;
  const when = c.at ?? at;
  // Any instant Date reads is sent in UTC, as Quanta stores it; one it cannot read goes to the
  // schema as it is, to be refused in Quanta's words.
  const instant = typeof when === 'string' && !Number.isNaN(Date.parse(when)) ? new Date(when).toISOString() : when;
  const body = {
    metric: c.metric,
    passed: c.passed,
    at: instant,
    ...(c.port !== undefined && { port: c.port }),
    ...(c.value !== undefined && { value: c.value }),
  };
  const result = SloCheckInputSchema.safeParse(body);
  if (result.success) return result.data;
  const metric = typeof c.metric === 'string' ? ` (metric ${c.metric.slice(0, 100)})` : '';
  return { invalid: `${describeFailure(result.error)}${metric}` };
}
