import type { ErrorObject } from 'ajv';
import { type InputIssue, toPointer } from '@quanta/model';

/** Longest issue list returned: enough to fix a broken producer, short enough to read in a response. */
export const MAX_ISSUES = 20;

/** What the spec's `format`s mean, said the way a producer's author needs to read it. */
const FORMAT_RULES: Readonly<Record<string, string>> = {
  'date-time': 'must be a date-time with a UTC offset (RFC 3339, e.g. 2024-05-01T12:00:00Z)',
  uuid: 'must be a UUID',
  uri: 'must be an absolute URI',
};

/** One located issue before the list is trimmed, remembering whether it only summarises failed alternatives. */
export interface LocatedIssue {
  readonly pointer: string;
  readonly rule: string;
  readonly summary: boolean;
}

/**
 * Turns ajv errors into short, located, readable issues: `prefix` is the pointer of the value that
 * was validated (a facet), so every pointer points into the whole event.
 */
export function issuesFromErrors(errors: readonly ErrorObject[], prefix = ''): LocatedIssue[] {
  return errors.map((error) => locate(error, prefix));
}

function locate(error: ErrorObject, prefix: string): LocatedIssue {
  const at = prefix + error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { pointer: at + toPointer([String(params.missingProperty)]), rule: 'is required', summary: false };
    case 'dependentRequired':
      return { pointer: at + toPointer([String(params.missingProperty)]), rule: `is required when ${String(params.property)} is present`, summary: false };
    case 'format':
      return { pointer: at, rule: FORMAT_RULES[String(params.format)] ?? `must be a valid ${String(params.format)}`, summary: false };
    case 'type':
      return { pointer: at, rule: `must be ${typeNames(params.type)}`, summary: false };
    case 'enum':
      return { pointer: at, rule: `must be one of ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`, summary: false };
    case 'const':
      return { pointer: at, rule: `must be ${JSON.stringify(params.allowedValue)}`, summary: false };
    case 'anyOf':
    case 'oneOf':
      return params.passingSchemas
        ? { pointer: at, rule: 'matches more than one of the allowed shapes', summary: false }
        : { pointer: at, rule: 'matches none of the allowed shapes', summary: true };
    default:
      return { pointer: at, rule: error.message ?? `breaks the "${error.keyword}" rule`, summary: false };
  }
}

function typeNames(type: unknown): string {
  const article = (name: string) => (/^[aeiou]/.test(name) ? `an ${name}` : `a ${name}`);
  return (Array.isArray(type) ? type : String(type).split(',')).map((name) => article(String(name))).join(' or ');
}

/**
 * The final issue list: a summary of failed alternatives is dropped when a more precise issue at or
 * below the same place explains it, duplicates go (the core and a facet schema both require
 * `_producer`), and the list is cut at {@link MAX_ISSUES} with a last issue saying how many were left out.
 */
export function finishIssues(located: readonly LocatedIssue[]): InputIssue[] {
  const precise = located.filter((issue) => !issue.summary);
  const kept = located.filter((issue) => !issue.summary || !precise.some((other) => isAtOrBelow(other.pointer, issue.pointer)));
  const unique = new Map<string, InputIssue>();
  for (const { pointer, rule } of kept) {
    const message = `${pointer === '' ? 'event' : pointer}: ${rule}`;
    unique.set(`${pointer}\u0000${message}`, { pointer, message });
  }
  const issues = [...unique.values()];
  if (issues.length <= MAX_ISSUES) return issues;
  const left = issues.length - (MAX_ISSUES - 1);
  return [...issues.slice(0, MAX_ISSUES - 1), { pointer: '', message: `event: ${left} more issues not shown` }];
}

function isAtOrBelow(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}

/** One issue about the event as a whole, phrased like the others. */
export function wholeEventIssue(rule: string): InputIssue {
  return { pointer: '', message: `event: ${rule}` };
}
