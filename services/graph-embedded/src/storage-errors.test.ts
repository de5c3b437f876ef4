import { UnavailableError } from '@quanta/model';
import { describe, expect, it } from 'vitest';
import { translatingStorageErrors } from './storage-errors.js';

const failing = (code: string) => Object.assign(new Error(`disk says ${code}`), { code });

describe('storage errors at the adapter edge', () => {
  const target = {
    calls: 0,
    sync(code: string): number {
      this.calls++;
      throw failing(code);
    },
    async later(code: string): Promise<number> {
      this.calls++;
      throw failing(code);
    },
    fine(): number {
      return this.calls;
    },
  };
  const wrapped = translatingStorageErrors(target);

  it('turns a full or failing disk into a 503 to retry, thrown or rejected', async () => {
    for (const code of ['SQLITE_FULL', 'SQLITE_IOERR_WRITE', 'ENOSPC']) {
      expect(() => wrapped.sync(code)).toThrow(UnavailableError);
      await expect(wrapped.later(code)).rejects.toMatchObject({ kind: 'unavailable', retryAfterSeconds: 30, cause: { code } });
    }
  });

  it('leaves every other error and every result as they are, with `this` the object itself', async () => {
    expect(() => wrapped.sync('SQLITE_CONSTRAINT_UNIQUE')).toThrow('disk says SQLITE_CONSTRAINT_UNIQUE');
    await expect(wrapped.later('SQLITE_BUSY')).rejects.toThrow('disk says SQLITE_BUSY');
    expect(wrapped.fine()).toBe(target.calls);
    expect(target.calls).toBe(8);
  });
});
