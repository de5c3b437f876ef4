import fc from 'fast-check';
import { DescriptorSchema, parseDescriptor, QuantaError, ValidationError } from '@quanta/model';
import { describe, expect, it } from 'vitest';
import { compliantDescriptor } from '../src/index.js';
import { anyJson, mutationsOf, RUNS } from './arbitraries.js';

/**
 * Parsing never fails but with a located ValidationError; what it accepts is a valid descriptor.
 * @returns whether it was accepted
 */
function checkParse(input: unknown): boolean {
  let parsed;
  try {
    parsed = parseDescriptor(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    for (const issue of (error as QuantaError).issues) expect(issue.pointer === '' || issue.pointer.startsWith('/')).toBe(true);
    return false;
  }
  expect(DescriptorSchema.safeParse(parsed).success).toBe(true);
  return true;
}

describe('fuzzing descriptor parsing (issue 12)', () => {
  it(`refuses any JSON value with a located ValidationError or accepts a valid descriptor (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(anyJson, (input) => {
        checkParse(input);
      }),
      { numRuns: RUNS },
    );
  });

  it(`does the same for mutations of a compliant descriptor (${RUNS} cases)`, () => {
    let accepted = 0;
    fc.assert(
      fc.property(mutationsOf(compliantDescriptor('https://fuzz.example/products', 'target')), (input) => {
        if (checkParse(input)) accepted += 1;
      }),
      { numRuns: RUNS },
    );
    // The mutations must reach past the schema often enough to fuzz what lies behind it.
    expect(accepted).toBeGreaterThan(RUNS / 20);
  });
});
