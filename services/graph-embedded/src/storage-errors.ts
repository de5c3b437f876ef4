import { UnavailableError } from '@quanta/model';

/** SQLite's answers when the disk is full or failing, and Node's for a full disk. */
const STORAGE_FULL = /^(SQLITE_FULL|SQLITE_IOERR\w*|ENOSPC|EDQUOT)$/;

/** How long a caller should wait before retrying a write the disk refused. */
const RETRY_AFTER_SECONDS = 30;

/**
 * The error a caller should see for `error`: a full or failing disk is a 503 with `Retry-After`
 * (DESIGN.md §9.5, research/perf-reliability.md F5), since the transaction was rolled back whole
 * and the same request will succeed once space is freed; anything else is left as it is.
 */
export function storageError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !STORAGE_FULL.test(code)) return error;
  return Object.assign(new UnavailableError(`the knowledge graph cannot write to its disk (${code}): nothing of this request was stored; retry once space is freed`, RETRY_AFTER_SECONDS), { cause: error });
}

/**
 * Wraps every method of `target` so storage errors reach callers as {@link storageError}s, whether
 * a method throws or its promise rejects: one translation at the adapter's edge instead of one per
 * statement.
 */
export function translatingStorageErrors<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      const value: unknown = Reflect.get(object, key, receiver);
      if (typeof value !== 'function') return value;
      return function (this: unknown, ...args: unknown[]) {
        try {
          const result: unknown = (value as (...a: unknown[]) => unknown).apply(this === receiver ? object : this, args);
          return result instanceof Promise ? result.catch((error: unknown) => Promise.reject(storageError(error))) : result;
        } catch (error) {
          throw storageError(error);
        }
      };
    },
  });
}
