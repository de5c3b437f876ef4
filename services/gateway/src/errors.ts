import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { QuantaError } from '@quanta/model';

/** The GraphQL error codes domain errors map to: the same kinds as the REST API's problem types. */
const CODES: Record<QuantaError['kind'], string> = {
  'validation-failed': 'BAD_USER_INPUT',
  'policy-violation': 'BAD_USER_INPUT',
  'malformed-body': 'BAD_USER_INPUT',
  'invalid-parameter': 'BAD_USER_INPUT',
  'not-found': 'NOT_FOUND',
  conflict: 'CONFLICT',
  unavailable: 'UNAVAILABLE',
  unauthenticated: 'UNAUTHENTICATED',
  forbidden: 'FORBIDDEN',
};

const MASKED = 'Unexpected error; the server logged it.';

/**
 * The one place errors become GraphQL errors (DESIGN.md §11), on every subgraph and the gateway:
 * a domain error keeps its message and says its kind and issues; GraphQL's own errors (syntax,
 * validation, limits) pass as they are; anything else reveals nothing but that it happened.
 * Never a stack trace: the servers are built with `includeStacktraceInErrorResponses: false`.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, log: (error: unknown) => void): GraphQLFormattedError {
  const cause = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  if (cause instanceof QuantaError) {
    return { ...formatted, message: cause.message, extensions: { ...formatted.extensions, code: CODES[cause.kind], kind: cause.kind, ...(cause.issues.length > 0 && { issues: cause.issues }) } };
  }
  const code = formatted.extensions?.code;
  if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
    // A subgraph masked it already and logged the cause; only a fresh one is logged here.
    if (formatted.message !== MASKED) log(cause);
    return { message: MASKED, ...(formatted.path && { path: formatted.path }), extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  // Only what clients are meant to read: a subgraph's error may carry its address (serviceName,
  // the response of a refused request) in its extensions.
  const { kind, issues } = formatted.extensions ?? {};
  return { ...formatted, extensions: { code, ...(kind !== undefined && { kind }), ...(issues !== undefined && { issues }) } };
}
