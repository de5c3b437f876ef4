/**
 * Who is calling. Every request gets one from the identity middleware, from the first endpoint on;
 * writes record `subject`, and authorization (issue 12) checks `teams`.
 */
export interface Identity {
  readonly subject: string;
  readonly kind: 'user' | 'service' | 'anonymous';
  /** Teams the caller acts for; an owner may change only products of these teams. */
  readonly teams: readonly string[];
}

/** The identity of a caller that presented no credentials. */
export const ANONYMOUS: Identity = Object.freeze({ subject: 'anonymous', kind: 'anonymous', teams: [] });
