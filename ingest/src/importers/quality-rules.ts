import { textOf, type Json } from './json-reading.js';
import type { Carried, SloDraft } from './mapping.js';
import { pointerOf } from './source-reader.js';

/** The ODCS/DCS threshold keys and how an objective reads them. */
const THRESHOLDS: readonly (readonly [key: string, reads: string])[] = [
  ['mustBe', '='],
  ['mustNotBe', '≠'],
  ['mustBeGreaterThan', '>'],
  ['mustBeGreaterOrEqualTo', '>='],
  ['mustBeGreaterThanOrEqualTo', '>='],
  ['mustBeLessThan', '<'],
  ['mustBeLessOrEqualTo', '<='],
  ['mustBeLessThanOrEqualTo', '<='],
  ['mustBeBetween', 'between'],
  ['mustNotBeBetween', 'not between'],
];

/** Where the metric comes from, first found: ODCS 3.1's dimension (a KPI such as completeness), else what names the check. */
const METRIC_KEYS = ['dimension', 'metric', 'rule', 'name', 'type'] as const;

/** Everything else a rule's SLO carries, in its description, with the words that show each (keys shown together, like a schedule and its scheduler, share a part). */
const DESCRIBED: readonly (readonly [keys: readonly string[], label: string])[] = [
  [['type'], 'type'],
  [['query'], ''],
  [['description'], ''],
  [['metric'], 'metric'],
  [['rule'], 'rule'],
  [['name'], 'name'],
  [['dimension'], 'dimension'],
  [['unit'], 'unit'],
  [['arguments'], 'arguments'],
  [['dialect'], 'dialect'],
  [['method'], 'method'],
  [['engine'], 'engine'],
  [['implementation'], 'implementation'],
  [['severity'], 'severity'],
  [['businessImpact'], 'business impact'],
  [['scheduler', 'schedule'], 'schedule'],
];

const MAX_METRIC = 100;
const MAX_OBJECTIVE = 200;
const MAX_DESCRIPTION = 2000;

/** A value as the SLO shows it: strings trimmed, numbers as written, lists and objects as JSON. */
const show = (value: unknown): string => (typeof value === 'string' ? value.trim() : typeof value === 'object' ? JSON.stringify(value) : String(value));

/**
 * A data-quality rule (ODCS `quality[]`, DCS `quality[]` of a model or field) as an SLO on its
 * port, and exactly the keys it carries. The dimension (else the rule's metric, rule, name or type)
 * is the metric a check reports against (ADR 0015); the thresholds, with the rule's own metric and
 * unit, are the objective (`nullValues = 0`, `rowCount > 1000 rows`), or without one its prose;
 * every other key it knows goes into the description after `on <element>`. A key is marked used
 * only where its value landed: a part the description's 2000 characters cannot hold is left, with
 * that reason, and keys it does not know (custom properties, tags, …) are left to the report.
 */
export function qualityRule(rule: Json, pointer: string, element: string | undefined): Carried<SloDraft> {
  const has = (key: string) => rule[key] !== undefined && rule[key] !== null;
  const named = (key: string) => textOf(rule[key]);
  const at = (key: string) => `${pointer}${pointerOf(key)}`;
  const shown = new Set<string>();

  const metricKey = METRIC_KEYS.find((k) => named(k) !== undefined);
  const metricText = metricKey ? (named(metricKey) as string) : 'quality';
  if (metricKey && metricText.length <= MAX_METRIC) shown.add(metricKey);
  const checkKey = (['metric', 'rule'] as const).find((k) => named(k) !== undefined);

  const thresholds = THRESHOLDS.filter(([key]) => has(key));
  let objective: string;
  if (thresholds.length) {
    const label = checkKey ? (named(checkKey) as string) : metricText;
    const unit = named('unit');
    const bounds = thresholds.map(([key, reads]) => `${reads} ${Array.isArray(rule[key]) ? (rule[key] as unknown[]).map(show).join(' and ') : show(rule[key])}`);
    objective = `${label} ${bounds.join(' and ')}${unit ? ` ${unit}` : ''}`;
    [...thresholds.map(([key]) => key), ...(checkKey ? [checkKey] : []), ...(unit ? ['unit'] : [])].forEach((k) => shown.add(k));
  } else {
    const prose = named('description');
    const key = prose && prose.length <= MAX_OBJECTIVE ? 'description' : checkKey ?? (named('type') ? 'type' : undefined);
    objective = key ? (named(key) as string) : 'as described';
    if (key) shown.add(key);
  }

  const parts: { text: string; keys: readonly string[] }[] = [];
  if (element) parts.push({ text: `on ${element}`, keys: [] });
  if (objective.length > MAX_OBJECTIVE) {
    parts.push({ text: `objective ${objective}`, keys: [...shown].filter((k) => k !== metricKey) });
    objective = `${objective.slice(0, MAX_OBJECTIVE - 1)}…`;
  }
  for (const [keys, label] of DESCRIBED) {
    const present = keys.filter((k) => has(k) && !shown.has(k));
    if (!present.length) continue;
    const text = present.map((k) => show(rule[k])).filter((t) => t !== '').join(' ');
    parts.push({ text: text && (label ? `${label} ${text}` : text), keys: present });
  }

  const kept: string[] = [];
  const uses = [...shown].filter((k) => !parts.some((p) => p.keys.includes(k))).map(at);
  const left: { pointer: string; reason: string }[] = [];
  for (const part of parts) {
    const next = [...kept, part.text].filter((t) => t !== '').join('; ');
    if (next.length > MAX_DESCRIPTION) {
      part.keys.forEach((k) => left.push({ pointer: at(k), reason: `the SLO's description holds ${MAX_DESCRIPTION} characters, and this does not fit` }));
      continue;
    }
    kept.push(part.text);
    uses.push(...part.keys.map(at));
  }
  const description = kept.filter((t) => t !== '').join('; ');
  const slo = { metric: metricText.slice(0, MAX_METRIC), objective, ...(description && { description }) };
  const qualifiers = [element, checkKey && named(checkKey), named('name')].filter((q): q is string => q !== undefined && q !== '');
  return { value: { slo, commitment: 'slo', qualifiers }, pointer, uses, ...(left.length && { left }) };
}
