import { describe, expect, it } from 'vitest';
import { createRandom } from '../bench/random.js';
import { NAME_KEY_CHARS, nameSortKey } from './name-sort-key.js';

describe('nameSortKey', () => {
  it('never contradicts string order (a < b implies key(a) <= key(b))', () => {
    const random = createRandom(3);
    const alphabet = ['a', 'b', 'z', '-', '_', '0', '9', 'A', 'é', '€', ''];
    const names = Array.from({ length: 2000 }, () => Array.from({ length: random.int(16) }, () => random.pick(alphabet)).join(''));
    const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [sorted[i - 1] ?? '', sorted[i] ?? ''];
      expect(nameSortKey(a), `${a} < ${b}`).toBeLessThanOrEqual(nameSortKey(b));
      if (nameSortKey(a) === nameSortKey(b)) {
        expect(nameSortKey(a, NAME_KEY_CHARS), `${a} < ${b}`).toBeLessThanOrEqual(nameSortKey(b, NAME_KEY_CHARS));
      }
    }
  });

  it('tells names apart by their head, and by the next characters with an offset', () => {
    expect(nameSortKey('artist')).toBeLessThan(nameSortKey('listener'));
    expect(nameSortKey('listener-a')).toBe(nameSortKey('listener-b'));
    expect(nameSortKey('listener-a', NAME_KEY_CHARS)).toBeLessThan(nameSortKey('listener-b', NAME_KEY_CHARS));
    expect(Number.isSafeInteger(nameSortKey('\uffff'.repeat(10)))).toBe(true);
  });
});
