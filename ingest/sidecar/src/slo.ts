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
 * Quanta would refuse it (services/model/src/signals.ts, SloCheckInputSchema). Checked here because
 * one bad check makes Quanta refuse its whole batch.
 */
export function sloCheckBody(check: SloCheck, at: string): SloCheckBody | { readonly invalid: string } {
  const c = check as Partial<SloCheck> | null | undefined;
  if (typeof c?.metric !== 'string' || c.metric.length < 1 || c.metric.length > 100) return { invalid: 'metric must be 1 to 100 characters' };
  if (typeof c.passed !== 'boolean') return { invalid: `passed must be true or false (metric ${c.metric})` };
  if (c.port !== undefined && (typeof c.port !== 'string' || c.port.length < 1 || c.port.length > 100)) return { invalid: `port must be 1 to 100 characters (metric ${c.metric})` };
  if (c.value !== undefined && !Number.isFinite(c.value)) return { invalid: `value must be a finite number (metric ${c.metric})` };
  const when = c.at ?? at;
  if (Number.isNaN(Date.parse(when))) return { invalid: `at must be a date-time, not ${JSON.stringify(when)} (metric ${c.metric})` };
  return {
    metric: c.metric,
    passed: c.passed,
    at: new Date(when).toISOString(),
    ...(c.port !== undefined && { port: c.port }),
    ...(c.value !== undefined && { value: c.value }),
  };
}
