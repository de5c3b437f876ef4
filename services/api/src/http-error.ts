import type { HttpKind } from './problems.js';

/** An error raised by the HTTP transport itself (media type, size, method), mapped like domain errors. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly kind: HttpKind,
    message: string,
    /** Extra response headers, e.g. `Allow` for 405. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}
