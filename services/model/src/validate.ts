import type { z } from 'zod';
import { type InputIssue, ValidationError, toPointer } from './errors.js';
import { type Descriptor, DescriptorSchema } from './descriptor.js';

/** Turns zod issues into located, readable input issues (one per problem, field named). */
export function toInputIssues(error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => {
    const pointer = toPointer(issue.path);
    if (issue.code === 'unrecognized_keys') {
      return { pointer, message: `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}` };
    }
    if (issue.code === 'invalid_type' && issue.input === undefined) {
      return { pointer, message: `${String(issue.path.at(-1) ?? 'value')} is required` };
    }
    return { pointer, message: issue.message };
  });
}

/**
 * Parses with `schema`, or throws a {@link ValidationError} that names every offending field.
 * @throws ValidationError
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
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
