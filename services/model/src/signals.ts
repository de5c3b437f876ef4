import { z } from 'zod';
import { IriSchema, isAbsoluteIri, teamIri, type Iri } from './iri.js';
import { parseOrThrow } from './validate.js';

/** A team's slug, as owners and consumers are named: lowercase, with - _ . between words. */
export const TEAM_SLUG = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;
const TEAM = TEAM_SLUG;

/**
 * Who consumed or rated a product: a team by its slug (`analytics`), or a consuming data product by
 * its IRI. Read as an IRI: `urn:quanta:team:<slug>` for a team.
 */
export const ConsumerRefSchema = z
  .string()
  .min(1)
  .max(2000)
  .refine((v) => TEAM.test(v) || isAbsoluteIri(v), { message: 'must be a team slug (lowercase, e.g. analytics) or the IRI of a data product' })
  .transform((v): Iri => (TEAM.test(v) ? teamIri(v) : v));

/** An RFC 3339 instant with a UTC offset. */
const Instant = z.iso.datetime({ offset: true, message: 'must be a date-time with a UTC offset, e.g. 2026-03-01T10:00:00Z' });

/**
 * One usage report (`POST /api/v1/usage`). A report is stored once: by `id` when given, else by
 * (product, consumer, port, at); without `at` the server's clock is used, so send `at` (or `id`)
 * to make retries safe.
 */
export const UsageInputSchema = z.strictObject({
  product: IriSchema,
  consumer: ConsumerRefSchema,
  port: z.string().min(1).max(100).optional(),
  at: Instant.optional(),
  count: z.number().int().min(1).max(1_000_000_000).default(1),
  id: z.string().min(1).max(200).optional(),
});
export type UsageInput = z.output<typeof UsageInputSchema>;

/** The body of `POST /api/v1/usage`: one report or up to 1,000. */
export const UsageBodySchema = z.union([UsageInputSchema, z.array(UsageInputSchema).min(1).max(1000)]);

/** A rating (`PUT /api/v1/products/{iri}/ratings/{consumer}`): 1–5 stars and a comment. */
export const RatingInputSchema = z.strictObject({
  stars: z.number().int().min(1).max(5),
  comment: z.string().min(1).max(2000).optional(),
});
export type RatingInput = z.output<typeof RatingInputSchema>;

/** One SLO check result (`POST /api/v1/products/{iri}/slo-checks`), against a declared SLO's metric. */
export const SloCheckInputSchema = z.strictObject({
  port: z.string().min(1).max(100).optional(),
  metric: z.string().min(1).max(100),
  passed: z.boolean(),
  value: z.number().finite().optional(),
  at: Instant,
});
export type SloCheckInput = z.output<typeof SloCheckInputSchema>;

/** The body of `POST …/slo-checks`: one check or up to 1,000. */
export const SloCheckBodySchema = z.union([SloCheckInputSchema, z.array(SloCheckInputSchema).min(1).max(1000)]);

/** The signal bodies as JSON Schema (2020-12, as OpenAPI 3.1 takes it), from the zod schemas above. */
export function signalJsonSchemas(): Record<'UsageBody' | 'Rating' | 'SloCheckBody', Record<string, unknown>> {
  const json = (schema: z.ZodType) => {
    const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    return rest;
  };
  return { UsageBody: json(UsageBodySchema), Rating: json(RatingInputSchema), SloCheckBody: json(SloCheckBodySchema) };
}

/** The most signals one call may carry. */
export const MAX_SIGNALS = 1000;

/**
 * Parses a body that is one item or an array of up to {@link MAX_SIGNALS}, with each item's errors
 * located (`/3/at`), which a union schema would blur into "invalid input" at the root.
 * @throws ValidationError
 */
export function parseOneOrMany<S extends z.ZodType>(item: S, body: unknown, what: string): z.output<S>[] {
  return Array.isArray(body) ? parseOrThrow(z.array(item).min(1).max(MAX_SIGNALS), body, what) : [parseOrThrow(item, body, what)];
}
