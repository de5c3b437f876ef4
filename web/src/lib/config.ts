/**
 * The UI's configuration: the one place in `web/` that reads the environment (DESIGN.md §11).
 * `quanta up` starts the UI with `QUANTA_API_URL` pointing at the API it started.
 */
export interface WebConfig {
  /** Where the API and the GraphQL gateway listen, as the UI's server reaches them. */
  readonly apiUrl: string;
}

const DEFAULT_API_URL = 'http://127.0.0.1:4000';

/** Reads the UI's configuration; an invalid URL fails loudly instead of every page failing later. */
export function webConfig(): WebConfig {
  const raw = process.env.QUANTA_API_URL ?? DEFAULT_API_URL;
  try {
    return { apiUrl: new URL(raw).origin };
  } catch {
    throw new Error(`QUANTA_API_URL must be an http(s) URL, got ${JSON.stringify(raw)}`);
  }
}
