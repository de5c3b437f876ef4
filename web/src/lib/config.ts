/**
 * The UI's configuration: the one place in `web/` that reads the environment (DESIGN.md §11).
 * `quanta up` starts the UI with `QUANTA_API_URL` pointing at the API it started, and
 * `QUANTA_WEB_TOKEN` holding a reader token it made for the UI (ADR 0016); `next dev` needs both
 * set by hand (`quanta token create --role reader` makes the token).
 */
export interface WebConfig {
  /** Where the API and the GraphQL gateway listen, as the UI's server reaches them. */
  readonly apiUrl: string;
  /**
   * The UI's own token, for reading the catalog for visitors who have not signed in. Without one,
   * such visitors see only errors: the API answers nothing but its health to anonymous callers.
   */
  readonly serviceToken?: string;
}

const DEFAULT_API_URL = 'http://127.0.0.1:4000';

/** What every Quanta token secret looks like (ADR 0016): `quanta_` and 32 random bytes in base64url. */
const TOKEN_SECRET = /^quanta_[A-Za-z0-9_-]{43}$/;

/** Reads the UI's configuration; an invalid URL or token fails loudly instead of every page failing later. */
export function webConfig(): WebConfig {
  const raw = process.env.QUANTA_API_URL ?? DEFAULT_API_URL;
  let apiUrl: string;
  try {
    apiUrl = new URL(raw).origin;
  } catch {
    throw new Error(`QUANTA_API_URL must be an http(s) URL, got ${JSON.stringify(raw)}`);
  }
  const token = process.env.QUANTA_WEB_TOKEN;
  if (token === undefined || token === '') return { apiUrl };
  // The secret itself is never part of the message: errors end up in logs.
  if (!TOKEN_SECRET.test(token)) throw new Error(`QUANTA_WEB_TOKEN must be a Quanta token secret ("quanta_" and 43 base64url characters), got one of ${token.length} characters that is not`);
  return { apiUrl, serviceToken: token };
}
