import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_FILE, generateTypes } from '../../scripts/generate-types.js';

describe('the generated OpenLineage types', () => {
  // A stale file would type events by an older spec than the one the validator checks them against.
  it('are what `npm run generate` writes from the pinned schemas', async () => {
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(await generateTypes());
  }, 30_000);
});
