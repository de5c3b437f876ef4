import { availableParallelism } from 'node:os';
import { TOKEN_SECRET } from '@quanta/model';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

/** The JWS algorithms an OIDC token may be signed with: asymmetric ones only. */
const OIDC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;

/**
 * Every environment variable Quanta reads, validated in one place (DESIGN.md §11). Defaults give
 * the embedded backends: no Neo4j, no Meilisearch, no network.
 */
export const EnvSchema = z
  .object({
    QUANTA_HOST: z.string().min(1).default('127.0.0.1'),
    QUANTA_PORT: port.default(4000),
    QUANTA_WEB_PORT: port.default(3000),
    QUANTA_DATA_DIR: z.string().min(1).default('./.quanta'),
    QUANTA_GRAPH: z.enum(['embedded', 'neo4j']).default('embedded'),
    QUANTA_SEARCH: z.enum(['embedded', 'meilisearch']).default('embedded'),
    QUANTA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    QUANTA_LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
    QUANTA_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
    QUANTA_RATE_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(300),
    QUANTA_RATE_BURST: z.coerce.number().int().min(1).max(1_000_000).optional(),
    QUANTA_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(100_000).default(32),
    // One core is left to the event loop; more than 4 threads would only hold more heaps.
    QUANTA_SEMANTIC_THREADS: z.coerce.number().int().min(0).max(64).default(Math.min(4, Math.max(1, availableParallelism() - 1))),
    QUANTA_FEEDBACK_REFRESH_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
    QUANTA_IMPRESSION_FLUSH_SECONDS: z.coerce.number().int().min(1).max(3_600).default(10),
    QUANTA_INSIGHTS_REFRESH_SECONDS: z.coerce.number().int().min(1).max(604_800).default(3_600),
    QUANTA_SEARCH_WAIT_MS: z.coerce.number().int().min(0).max(30_000).optional(),
    QUANTA_RECONCILE_SECONDS: z.coerce.number().int().min(10).max(604_800).default(600),
    QUANTA_SEARCH_PROJECTOR: z.enum(['on', 'off']).default('on'),
    QUANTA_PROJECTOR_RETRY_MAX_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
    NEO4J_URI: z.string().regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/\S+$/, { message: 'must be a bolt:// or neo4j:// URI (optionally +s or +ssc)' }).optional(),
    NEO4J_USER: z.string().default('neo4j'),
    NEO4J_PASSWORD: z.string().optional(),
    NEO4J_DATABASE: z.string().min(1).optional(),
    MEILI_URL: z.string().url().optional(),
    MEILI_API_KEY: z.string().optional(),
    MEILI_INDEX: z.string().regex(/^[A-Za-z0-9_-]{1,400}$/, { message: 'must be a Meilisearch index uid: letters, digits, - and _' }).default('products'),
    NODE_ENV: z.string().optional(),
    // An admin token the operator chose (ADR 0016): stored as a token at start, hashed like any other.
    QUANTA_ADMIN_TOKEN: z
      .string()
      .regex(TOKEN_SECRET, { message: 'must be a Quanta token: quanta_ and 43 base64url characters (`quanta token secret` makes one)' })
      .optional(),
    // OIDC (ADR 0017): JWTs from this issuer, for this audience, checked with the keys at this URL.
    QUANTA_OIDC_ISSUER: z.string().url().optional(),
    QUANTA_OIDC_AUDIENCE: z.string().min(1).optional(),
    QUANTA_OIDC_JWKS_URL: z.string().url().optional(),
    // Asymmetric algorithms only: with an HMAC one, the provider's public key would be a shared secret.
    QUANTA_OIDC_ALGORITHMS: z
      .string()
      .default('RS256,ES256')
      .transform((s) => s.split(',').map((a) => a.trim()).filter(Boolean))
      .pipe(z.array(z.enum(OIDC_ALGORITHMS), { message: `each must be one of ${OIDC_ALGORITHMS.join(', ')} (never none or HS*)` }).min(1)),
    QUANTA_OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
  })
  .refine((e) => [e.QUANTA_OIDC_ISSUER, e.QUANTA_OIDC_AUDIENCE, e.QUANTA_OIDC_JWKS_URL].every((v) => v === undefined) || (e.QUANTA_OIDC_ISSUER && e.QUANTA_OIDC_AUDIENCE && e.QUANTA_OIDC_JWKS_URL), {
    message: 'OIDC needs QUANTA_OIDC_ISSUER, QUANTA_OIDC_AUDIENCE and QUANTA_OIDC_JWKS_URL together',
    path: ['QUANTA_OIDC_ISSUER'],
  })
  .refine((e) => e.QUANTA_GRAPH !== 'neo4j' || e.NEO4J_URI, {
    message: 'NEO4J_URI is required when QUANTA_GRAPH=neo4j',
    path: ['NEO4J_URI'],
  })
  .refine((e) => e.QUANTA_SEARCH !== 'meilisearch' || e.MEILI_URL, {
    message: 'MEILI_URL is required when QUANTA_SEARCH=meilisearch',
    path: ['MEILI_URL'],
  });

/** Quanta's configuration, as the composition root uses it. */
export interface QuantaConfig {
  readonly host: string;
  readonly port: number;
  readonly webPort: number;
  readonly dataDir: string;
  readonly graph:
    | { readonly backend: 'embedded' }
    | { readonly backend: 'neo4j'; readonly uri: string; readonly user: string; readonly password?: string; readonly database?: string };
  /** Meilisearch's `index` is the uid of the products index: `products` unless several Quanta share one engine. */
  readonly search: { readonly backend: 'embedded' } | { readonly backend: 'meilisearch'; readonly url: string; readonly apiKey?: string; readonly index: string };
  readonly logLevel: z.infer<typeof EnvSchema>['QUANTA_LOG_LEVEL'];
  /** `json` lines for machines (the default), `pretty` for a person at a terminal. */
  readonly logFormat: 'json' | 'pretty';
  readonly maxBodyBytes: number;
  /**
   * Per-identity requests per second (`QUANTA_RATE_LIMIT`, 0 for none) and burst
   * (`QUANTA_RATE_BURST`, twice the rate unless set); requests served at once
   * (`QUANTA_MAX_IN_FLIGHT`), beyond which new ones get 503 (DESIGN.md §9.5).
   */
  readonly limits: { readonly perIdentityPerSecond: number; readonly perIdentityBurst: number; readonly maxInFlight: number };
  /** Worker threads for semantic analysis (ADR 0007); 0 analyses on the event loop. */
  readonly semanticThreads: number;
  /** How often the feedback scores are recomputed whole, so evidence decays (ADR 0010); a signal refreshes its product at once. */
  readonly feedbackRefreshSeconds: number;
  /** How often search impressions (the new-product factor's examinations) are written to the graph. */
  readonly impressionFlushSeconds: number;
  /** How often duplicate detection runs whole (issue 7); a registration updates its own product at once. */
  readonly insightsRefreshSeconds: number;
  /**
   * How long a registration waits for its product to be searchable while the search engine is
   * healthy (ADR 0014); 0 answers as soon as the graph committed. Never waited for while it fails.
   * 1000 ms on the embedded engine, 0 on Meilisearch unless set.
   */
  readonly searchWaitMs: number;
  /** How often the reconciler compares the whole search index with the graph and repairs it. */
  readonly reconcileSeconds: number;
  /**
   * Whether this API process drains the search outbox. Exactly one process per graph should: the
   * engine's revision check is read-then-write, so two projectors could leave an older revision
   * last (the reconciler repairs it). Set `QUANTA_SEARCH_PROJECTOR=off` on every other instance.
   */
  readonly searchProjector: boolean;
  /** The longest pause between the projector's attempts while the search engine fails (backoff cap). */
  readonly projectorRetryMaxMs: number;
  /**
   * `NODE_ENV=production`: GraphQL answers no introspection and suggests no field names (ADR 0012),
   * and the server refuses to start without identities (ADR 0016).
   */
  readonly production: boolean;
  /** `QUANTA_ADMIN_TOKEN`: an admin token's secret, stored (hashed) at start when it is not yet. */
  readonly adminToken?: string;
  /** OIDC access tokens accepted beside API tokens (ADR 0017), when `QUANTA_OIDC_*` are set. */
  readonly oidc?: {
    readonly issuer: string;
    readonly audience: string;
    readonly jwksUrl: string;
    readonly algorithms: readonly string[];
    readonly groupsClaim: string;
  };
}

/** A configuration that cannot start Quanta; the message lists every offending variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads and validates the configuration. Command-line flags win over the environment: pass them
 * as `overrides` with the variable names they stand for.
 *
 * @throws ConfigError naming every invalid variable
 * @example loadConfig(process.env, { QUANTA_PORT: '4100' }).port // 4100
 */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
  overrides: Readonly<Record<string, string | undefined>> = {},
): QuantaConfig {
  const merged = { ...env, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) };
  const parsed = EnvSchema.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(environment)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    host: e.QUANTA_HOST,
    port: e.QUANTA_PORT,
    webPort: e.QUANTA_WEB_PORT,
    dataDir: e.QUANTA_DATA_DIR,
    graph:
      e.QUANTA_GRAPH === 'neo4j'
        ? { backend: 'neo4j', uri: e.NEO4J_URI as string, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE }
        : { backend: 'embedded' },
    search:
      e.QUANTA_SEARCH === 'meilisearch'
        ? { backend: 'meilisearch', url: e.MEILI_URL as string, apiKey: e.MEILI_API_KEY, index: e.MEILI_INDEX }
        : { backend: 'embedded' },
    logLevel: e.QUANTA_LOG_LEVEL,
    logFormat: e.QUANTA_LOG_FORMAT,
    maxBodyBytes: e.QUANTA_MAX_BODY_BYTES,
    limits: { perIdentityPerSecond: e.QUANTA_RATE_LIMIT, perIdentityBurst: e.QUANTA_RATE_BURST ?? Math.max(1, 2 * e.QUANTA_RATE_LIMIT), maxInFlight: e.QUANTA_MAX_IN_FLIGHT },
    semanticThreads: e.QUANTA_SEMANTIC_THREADS,
    feedbackRefreshSeconds: e.QUANTA_FEEDBACK_REFRESH_SECONDS,
    impressionFlushSeconds: e.QUANTA_IMPRESSION_FLUSH_SECONDS,
    insightsRefreshSeconds: e.QUANTA_INSIGHTS_REFRESH_SECONDS,
    // Waiting costs the embedded engine a millisecond; Meilisearch indexes in tasks of about half a
    // second on a small machine (docs/benchmarks.md), so waiting would break registration latency.
    searchWaitMs: e.QUANTA_SEARCH_WAIT_MS ?? (e.QUANTA_SEARCH === 'meilisearch' ? 0 : 1_000),
    reconcileSeconds: e.QUANTA_RECONCILE_SECONDS,
    searchProjector: e.QUANTA_SEARCH_PROJECTOR === 'on',
    projectorRetryMaxMs: e.QUANTA_PROJECTOR_RETRY_MAX_MS,
    production: e.NODE_ENV === 'production',
    ...(e.QUANTA_ADMIN_TOKEN && { adminToken: e.QUANTA_ADMIN_TOKEN }),
    ...(e.QUANTA_OIDC_ISSUER &&
      e.QUANTA_OIDC_AUDIENCE &&
      e.QUANTA_OIDC_JWKS_URL && {
        oidc: { issuer: e.QUANTA_OIDC_ISSUER, audience: e.QUANTA_OIDC_AUDIENCE, jwksUrl: e.QUANTA_OIDC_JWKS_URL, algorithms: e.QUANTA_OIDC_ALGORITHMS, groupsClaim: e.QUANTA_OIDC_GROUPS_CLAIM },
      }),
  };
}
