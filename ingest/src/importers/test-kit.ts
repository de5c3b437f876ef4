import { expect } from 'vitest';
import { ImportRefusedError, type ImportResult } from './import-types.js';

/** The refusal an import ends with; fails the test when it succeeded or threw something else. */
export async function refusalOf(attempt: Promise<unknown>): Promise<ImportRefusedError> {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportRefusedError);
  return error as ImportRefusedError;
}

/** The output port of that name; fails the test when there is none. */
export function portOf(r: ImportResult, name: string) {
  const found = r.descriptor.outputPorts?.find((p) => p.name === name);
  expect(found, `port ${name}`).toBeDefined();
  return found as NonNullable<typeof found>;
}
