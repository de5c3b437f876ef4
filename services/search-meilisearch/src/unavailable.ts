import { MeilisearchApiError, MeilisearchRequestError, MeilisearchTaskTimeOutError } from 'meilisearch';
import { UnavailableError } from '@quanta/model';

/** Seconds a caller should wait before trying an engine that could not be reached. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The one place where the client's failures become the port's (DESIGN.md §11): everything that
 * says the engine cannot serve now becomes an {@link UnavailableError}, so search answers 503 and
 * the projector keeps its writes for later. That is a request that got no answer (refused, reset,
 * DNS, the client's timeout: all `MeilisearchRequestError`), a task still unfinished when we
 * stopped waiting, an HTTP 5xx, and a body that is not JSON (Meilisearch always answers JSON; a
 * proxy in front of it answers 502 pages in HTML, which the client fails to parse before it looks
 * at the status). API errors (4xx: a bad key, a bad filter) are bugs or configuration and stay as
 * they are.
 */
export function toUnavailable(error: unknown): unknown {
  if (error instanceof MeilisearchRequestError) return unavailable('cannot be reached', error);
  if (error instanceof MeilisearchTaskTimeOutError) return unavailable('did not finish a task in time', error);
  if (error instanceof MeilisearchApiError && error.response.status >= 500) return unavailable(`answered ${error.response.status}`, error);
  if (error instanceof SyntaxError) return unavailable('answered something that is not JSON', error);
  if (indexMissing(error)) return unavailable('has lost the index (deleted, or the engine restarted empty); it is created again at the next call', error as Error);
  return error;
}

/** The index is gone under a running Quanta: the adapter makes it again, with its settings. */
export function indexMissing(error: unknown): boolean {
  return error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found';
}

/** Runs `work`, turning the failures {@link toUnavailable} recognises into an UnavailableError. */
export async function reachable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toUnavailable(error);
  }
}

function unavailable(what: string, cause: Error): UnavailableError {
  const error = new UnavailableError(`Meilisearch ${what}: ${cause.message}`, RETRY_AFTER_SECONDS);
  error.cause = cause;
  return error;
}
