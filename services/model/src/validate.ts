import type { z } from 'zod';
import { type InputIssue, ValidationError, toPointer } from './errors.js';
import { type Descriptor, DescriptorSchema } from './descriptor.js';
import { screenInput } from './screen-input.js';

/** Turns zod issues into located, readable input issues (one per problem, field named). */
export function toInputIssues(error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => {
    const pointer = toPointer(issue.path);
    if (issue.code === 'unrecognized_keys') {
      return { pointer, message: `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}` };
    }
    if (issue.code === 'invalid_type' && issue.input === undefined && issue.path.length > 0) {
      return { pointer, message: `${String(issue.path.at(-1))} is required` };
    }
    return { pointer, message: issue.message };
  });
}

/**
 * Parses with `schema`, or throws a {@link ValidationError} that names every offending field.
 * The input is screened first (see {@link screenInput}): nesting, iteratively, so a hostile
 * document cannot exhaust the stack, and well-formed Unicode.
 * @throws ValidationError
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const problem = screenInput(input);
  if (problem !== undefined) {
    throw new ValidationError(`Invalid ${what}: ${problem.rule} at ${problem.pointer || '(root)'}`, [{ pointer: problem.pointer, message: problem.rule }]);
  }
  // reportInput keeps each issue's input, which tells a missing field from a wrong-typed one.
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) {
    const issues = toInputIssues(result.error);
    const first = issues[0];
    const where = first && first.pointer ? ` at ${first.pointer}` : '';
    throw new ValidationError(`Invalid ${what}${where}: ${first?.message ?? 'unknown problem'}`, issues);
  }
  return result.data;
}

/**
 * Validates a descriptor (DESIGN.md §4) and applies its defaults.
 * @throws ValidationError naming every offending field
 */
export function parseDescriptor(input: unknown): Descriptor {
  return parseOrThrow(DescriptorSchema, input, 'descriptor');
}

/**
 * Whether a raw descriptor states its `status`. An update that leaves it out keeps the stored
 * status, so re-running a CI job never silently revives a retired product.
 */
export function declaresStatus(input: unknown): boolean {
  return typeof input === 'object' && input !== null && Object.hasOwn(input, 'status');
}
