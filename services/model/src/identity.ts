import { z } from 'zod';
import { teamIri, type Iri } from './iri.js';
import { ConsumerRefSchema, TEAM_SLUG } from './signals.js';

/**
 * Who is calling (ADR 0016). Every request gets one from the identity middleware, from the first
 * endpoint on; writes record `subject`, and authorization reads the rest.
 */
export interface Identity {
  /** Who, as audit trails name it: `token:<id>`, an OIDC subject, or `anonymous`. */
  readonly subject: string;
  readonly kind: 'user' | 'service' | 'anonymous';
  /** May do anything, including creating and revoking tokens. */
  readonly admin: boolean;
  /** Teams the caller owns products for: it may register, change and retire only theirs. */
  readonly teams: readonly string[];
  /** The consumer its usage reports and ratings are recorded as (a team's IRI, or a consuming product's). */
  readonly consumer?: Iri;
}

/** The identity of a caller that presented no credentials: it may read nothing but the public routes. */
export const ANONYMOUS: Identity = Object.freeze({ subject: 'anonymous', kind: 'anonymous', admin: false, teams: [] });

/**
 * Quanta acting on its own behalf, inside one process: the server minting the UI's reader token,
 * tools and tests that call the use cases directly. It never comes from a request.
 */
export const SYSTEM: Identity = Object.freeze({ subject: 'system', kind: 'service', admin: true, teams: [] });

/**
 * The identity a GraphQL context carries (the gateway and every subgraph put the request's there);
 * a context without one is anonymous, so a resolver never acts for no one as someone.
 */
export function identityIn(context: object): Identity {
  const identity = (context as { identity?: Identity }).identity;
  return identity ?? ANONYMOUS;
}

/**
 * What an API token lets its holder do: `admin` everything; `owner` register, change and retire the
 * products of its team, and report and rate as that team; `consumer` report usage and rate as its
 * consumer; `reader` read.
 */
export const TokenRoleSchema = z.enum(['admin', 'owner', 'consumer', 'reader']);
export type TokenRole = z.infer<typeof TokenRoleSchema>;

/** What every token secret looks like: `quanta_` and 32 random bytes in base64url (43 characters). */
export const TOKEN_SECRET = /^quanta_[A-Za-z0-9_-]{43}$/;

/** True when `value` has the shape of a token secret (which says nothing of whether it is valid). */
export const isTokenSecret = (value: string): boolean => TOKEN_SECRET.test(value);

/**
 * A new token secret: 256 random bits. The prefix lets secret scanners (and people) tell a Quanta
 * token on sight. Web Crypto and `btoa`, so it runs wherever the model does.
 */
export function newTokenSecret(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(32));
  const base64 = btoa(String.fromCharCode(...bytes));
  return `quanta_${base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

/** A request to create a token (`POST /api/v1/admin/tokens`, `quanta token create`). */
export const TokenInputSchema = z
  .strictObject({
    name: z.string().min(1).max(200),
    role: TokenRoleSchema,
    /** The owner's team. */
    team: z.string().regex(TEAM_SLUG, { message: 'team must be a lowercase slug' }).optional(),
    /** The consumer's identity: a team slug (stored as its `urn:quanta:team:` IRI) or a consuming product's IRI. */
    consumer: ConsumerRefSchema.optional(),
    /** When it stops working; absent for a token that works until revoked. */
    expiresAt: z.iso.datetime({ offset: true }).optional(),
  })
  .superRefine((t, ctx) => {
    if (t.role === 'owner' && !t.team) ctx.addIssue({ code: 'custom', path: ['team'], message: 'an owner token names its team' });
    if (t.role === 'consumer' && !t.consumer) ctx.addIssue({ code: 'custom', path: ['consumer'], message: 'a consumer token names its consumer' });
    if (t.role !== 'owner' && t.team) ctx.addIssue({ code: 'custom', path: ['team'], message: 'only owner tokens name a team' });
    if (t.role !== 'consumer' && t.consumer) ctx.addIssue({ code: 'custom', path: ['consumer'], message: 'only consumer tokens name a consumer' });
  });
export type TokenInput = z.output<typeof TokenInputSchema>;

/** A token as it is listed: everything but its secret, which is shown once, at creation. */
export interface ApiToken {
  /** Stable and public: names the token in lists, audit trails and `revoke`. */
  readonly id: string;
  readonly name: string;
  readonly role: TokenRole;
  readonly team?: string;
  readonly consumer?: Iri;
  readonly createdAt: string;
  /** The subject that created it. */
  readonly createdBy: string;
  readonly expiresAt?: string;
  readonly revokedAt?: string;
}

/** The identity a token's holder acts as. */
export function tokenIdentity(token: ApiToken): Identity {
  const owner = token.role === 'owner' && token.team !== undefined;
  const consumer = owner ? teamIri(token.team as string) : token.consumer;
  return { subject: `token:${token.id}`, kind: 'service', admin: token.role === 'admin', teams: owner ? [token.team as string] : [], ...(consumer && { consumer }) };
}
