import type { PolicyFinding } from './semantics.js';

/**
 * Domain errors. They carry no transport: the REST API and the GraphQL subgraphs each map them in
 * exactly one place (DESIGN.md §11). `kind` is stable and becomes the problem `type` slug.
 */

/** One thing wrong with an input, located by a JSON Pointer (RFC 6901) into the input. */
export interface InputIssue {
  /** JSON Pointer to the offending value, `""` for the whole input. */
  readonly pointer: string;
  readonly message: string;
}

/** Every kind of domain error, each with a stable name. */
export type ErrorKind =
  | 'validation-failed'
  | 'policy-violation'
  | 'malformed-body'
  | 'invalid-parameter'
  | 'not-found'
  | 'conflict'
  | 'unavailable'
  | 'unauthenticated'
  | 'forbidden';

/** Base class of every error Quanta raises on purpose. */
export abstract class QuantaError extends Error {
  abstract readonly kind: ErrorKind;
  /** Machine-readable details, shown to the caller. */
  readonly issues: readonly InputIssue[];

  constructor(message: string, issues: readonly InputIssue[] = []) {
    super(message);
    this.name = new.target.name;
    this.issues = issues;
  }
}

/** The input is well-formed but breaks the schema: missing or unknown fields, bad IRIs, bad values. */
export class ValidationError extends QuantaError {
  readonly kind = 'validation-failed';
}

/**
 * The descriptor is valid but breaks a global policy (a SHACL shape of severity Violation):
 * nothing is stored. `findings` lists every finding, Warnings included, so one round trip shows
 * everything to fix.
 */
export class PolicyViolationError extends QuantaError {
  readonly kind = 'policy-violation';
  constructor(readonly findings: readonly PolicyFinding[]) {
    const violations = findings.filter((f) => f.severity === 'Violation');
    super(
      `The product breaks ${violations.length === 1 ? 'a global policy' : `${violations.length} global policies`}: ${violations.map((f) => f.message).join(' ')}`,
      violations.map((f) => ({ pointer: f.path, message: f.message })),
    );
  }
}

/** The body could not be parsed at all (broken JSON or YAML). */
export class MalformedInputError extends QuantaError {
  readonly kind = 'malformed-body';
}

/** A path or query parameter is out of range or malformed (a bad cursor, an IRI that is not one). */
export class InvalidParameterError extends QuantaError {
  readonly kind = 'invalid-parameter';
}

/** The thing asked for does not exist. */
export class NotFoundError extends QuantaError {
  readonly kind = 'not-found';
}

/** The request conflicts with the current state (a stale revision, a clashing identity). */
export class ConflictError extends QuantaError {
  readonly kind = 'conflict';
}

/** The request carries no credentials where they are needed, or credentials that are not valid. */
export class UnauthenticatedError extends QuantaError {
  readonly kind = 'unauthenticated';
}

/** The caller is known but may not do this (another team's product, an admin route). */
export class ForbiddenError extends QuantaError {
  readonly kind = 'forbidden';
}

/** A backend the request needs is not reachable now; the caller may retry later. */
export class UnavailableError extends QuantaError {
  readonly kind = 'unavailable';
  constructor(
    message: string,
    /** Seconds after which a retry is reasonable. */
    readonly retryAfterSeconds = 5,
  ) {
    super(message);
  }
}

/** JSON Pointer for a zod-style path, e.g. `['outputPorts', 0, 'name']` → `/outputPorts/0/name`. */
export function toPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * An integer parameter within bounds, else an InvalidParameterError located at `pointer`: the one
 * range check behind REST query parameters and GraphQL arguments alike.
 *
 * @example intInRange('limit', 20, 1, 100, '/query/limit') // 20
 */
export function intInRange(name: string, value: number, min: number, max: number, pointer: string, shown: string = String(value)): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidParameterError(`${name} must be an integer from ${min} to ${max}, got ${shown}`, [{ pointer, message: `must be an integer from ${min} to ${max}` }]);
  }
  return value;
}
