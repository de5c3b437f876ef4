import type { ErrorKind, InputIssue, PolicyFinding } from '@quanta/model';

/** Problem kinds only HTTP has: they come from the transport, not from the domain. */
export type HttpKind = 'unsupported-media-type' | 'payload-too-large' | 'not-acceptable' | 'method-not-allowed' | 'rate-limited' | 'not-implemented' | 'internal';

/** Every problem `type` the API can answer with. */
export type ProblemKind = ErrorKind | HttpKind;

/** The documentation of one problem kind, served at its `type` URI. */
export interface ProblemDoc {
  readonly status: number;
  readonly title: string;
  readonly description: string;
}

/**
 * The problem registry: one stable `type` per kind (RFC 9457). Types are URI references relative
 * to the API origin, and each resolves to its own documentation at `GET /api/v1/problems/{kind}`.
 */
export const PROBLEMS: Readonly<Record<ProblemKind, ProblemDoc>> = {
  'validation-failed': {
    status: 422,
    title: 'The input breaks the schema',
    description: 'A field is missing, unknown, of the wrong type or out of range. `errors` lists each one with a JSON Pointer.',
  },
  'policy-violation': {
    status: 422,
    title: 'The product breaks a global policy',
    description:
      'A SHACL shape of severity Violation failed (ontologies/shapes.ttl): nothing was stored. `findings` lists every finding with its severity, JSON Pointer and how to fix it; `errors` the Violations alone.',
  },
  'malformed-body': { status: 400, title: 'The body could not be parsed', description: 'The JSON or YAML is not well-formed; `detail` says where.' },
  'invalid-parameter': { status: 400, title: 'A parameter is invalid', description: 'A path or query parameter is malformed, unknown or out of range.' },
  'not-found': { status: 404, title: 'Not found', description: 'No resource exists at this address.' },
  conflict: { status: 409, title: 'Conflict with the current state', description: 'The request contradicts what is stored; read the resource and retry.' },
  unavailable: { status: 503, title: 'A backend is unavailable', description: 'Retry after the number of seconds in `Retry-After`.' },
  unauthenticated: {
    status: 401,
    title: 'Authentication required',
    description: 'Send `Authorization: Bearer <token>` with a valid API token (`quanta token create`) or, where configured, an OIDC access token.',
  },
  forbidden: { status: 403, title: 'Not allowed', description: "The caller's identity may not do this: another team's product, or a route for admins." },
  'unsupported-media-type': {
    status: 415,
    title: 'Unsupported content type',
    description: 'Send descriptors as application/json, application/ld+json or application/yaml.',
  },
  'payload-too-large': { status: 413, title: 'The body is too large', description: 'The body exceeds the configured limit (QUANTA_MAX_BODY_BYTES).' },
  'not-acceptable': { status: 406, title: 'No acceptable representation', description: 'The `Accept` header names no format this resource offers.' },
  'rate-limited': {
    status: 429,
    title: 'Too many requests',
    description: 'This identity sent more requests than its rate limit (QUANTA_RATE_LIMIT per second); retry after the seconds in `Retry-After`.',
  },
  'not-implemented': { status: 501, title: 'Not done by this deployment', description: 'This deployment leaves it to another tool; `detail` names it.' },
  'method-not-allowed': { status: 405, title: 'Method not allowed', description: 'This resource does not support the method; `Allow` lists those it does.' },
  internal: { status: 500, title: 'Internal error', description: 'Something failed on our side. The error was logged with the request id.' },
};

/** The `type` URI of a problem kind. */
export const problemType = (kind: ProblemKind): string => `/api/v1/problems/${kind}`;

/** An RFC 9457 problem document as Quanta sends it. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly errors?: readonly InputIssue[];
  /** Policy findings, on `policy-violation` problems. */
  readonly findings?: readonly PolicyFinding[];
}

/** Builds the problem document for a kind. */
export function problem(kind: ProblemKind, detail: string, instance: string, errors?: readonly InputIssue[], findings?: readonly PolicyFinding[]): Problem {
  const doc = PROBLEMS[kind];
  return {
    type: problemType(kind),
    title: doc.title,
    status: doc.status,
    detail,
    instance,
    ...(errors?.length ? { errors } : {}),
    ...(findings ? { findings } : {}),
  };
}
