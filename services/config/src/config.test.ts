import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to embedded backends on port 4000', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 4000, webPort: 3000, dataDir: './.quanta', graph: { backend: 'embedded' }, search: { backend: 'embedded' } });
    expect(c.maxBodyBytes).toBe(1024 * 1024);
    expect(c.feedbackRefreshSeconds).toBe(300);
    expect(c.impressionFlushSeconds).toBe(10);
    expect(c.insightsRefreshSeconds).toBe(3600);
    expect(c.production).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production' }).production).toBe(true);
    expect(c.semanticThreads).toBe(Math.min(4, Math.max(1, availableParallelism() - 1)));
  });

  it('reads OIDC whole or not at all, with asymmetric algorithms only, and the load limits', () => {
    const oidc = { QUANTA_OIDC_ISSUER: 'https://login.example', QUANTA_OIDC_AUDIENCE: 'quanta', QUANTA_OIDC_JWKS_URL: 'https://login.example/jwks' };
    expect(loadConfig(oidc).oidc).toEqual({ issuer: 'https://login.example', audience: 'quanta', jwksUrl: 'https://login.example/jwks', algorithms: ['RS256', 'ES256'], groupsClaim: 'groups' });
    expect(loadConfig({}).oidc).toBeUndefined();
    expect(() => loadConfig({ QUANTA_OIDC_ISSUER: 'https://login.example' })).toThrow(/QUANTA_OIDC_ISSUER, QUANTA_OIDC_AUDIENCE and QUANTA_OIDC_JWKS_URL together/);
    for (const algorithms of ['HS256', 'none', 'RS256,HS512', '']) {
      expect(() => loadConfig({ ...oidc, QUANTA_OIDC_ALGORITHMS: algorithms }), algorithms).toThrow(ConfigError);
    }
    expect(loadConfig({ ...oidc, QUANTA_OIDC_ALGORITHMS: 'ES384, EdDSA' }).oidc?.algorithms).toEqual(['ES384', 'EdDSA']);
    expect(loadConfig({}).limits).toEqual({ perIdentityPerSecond: 300, perIdentityBurst: 600, maxInFlight: 32 });
    expect(loadConfig({ QUANTA_RATE_LIMIT: '0', QUANTA_MAX_IN_FLIGHT: '8' }).limits).toEqual({ perIdentityPerSecond: 0, perIdentityBurst: 1, maxInFlight: 8 });
  });

  it('analyses on the event loop when asked for no semantic threads', () => {
    expect(loadConfig({ QUANTA_SEMANTIC_THREADS: '0' }).semanticThreads).toBe(0);
    expect(() => loadConfig({ QUANTA_SEMANTIC_THREADS: '-1' })).toThrow(/QUANTA_SEMANTIC_THREADS/);
  });

  it('lets overrides (command-line flags) win over the environment', () => {
    expect(loadConfig({ QUANTA_PORT: '4100' }, { QUANTA_PORT: '4200' }).port).toBe(4200);
    expect(loadConfig({ QUANTA_PORT: '4100' }, { QUANTA_PORT: undefined }).port).toBe(4100);
  });

  it('names every invalid variable', () => {
    expect(() => loadConfig({ QUANTA_PORT: 'eighty', QUANTA_GRAPH: 'oracle' })).toThrow(ConfigError);
    try {
      loadConfig({ QUANTA_PORT: 'eighty', QUANTA_GRAPH: 'oracle' });
    } catch (e) {
      expect((e as Error).message).toMatch(/QUANTA_PORT/);
      expect((e as Error).message).toMatch(/QUANTA_GRAPH/);
    }
  });

  it('requires the URL of a production backend that is switched on', () => {
    expect(() => loadConfig({ QUANTA_GRAPH: 'neo4j' })).toThrow(/NEO4J_URI is required/);
    expect(() => loadConfig({ QUANTA_GRAPH: 'neo4j', NEO4J_URI: 'http://x' })).toThrow(/bolt:\/\/ or neo4j:\/\//);
    expect(loadConfig({ QUANTA_GRAPH: 'neo4j', NEO4J_URI: 'neo4j+s://x.databases.neo4j.io', NEO4J_DATABASE: 'quanta' }).graph).toEqual({
      backend: 'neo4j',
      uri: 'neo4j+s://x.databases.neo4j.io',
      user: 'neo4j',
      password: undefined,
      database: 'quanta',
    });
    expect(() => loadConfig({ QUANTA_SEARCH: 'meilisearch' })).toThrow(/MEILI_URL is required/);
  });

  it('reads the search index settings: Meilisearch index, the wait for search (by engine), reconcile and backoff', () => {
    const meili = { QUANTA_SEARCH: 'meilisearch', MEILI_URL: 'http://127.0.0.1:7700' };
    expect(loadConfig(meili).search).toEqual({ backend: 'meilisearch', url: 'http://127.0.0.1:7700', apiKey: undefined, index: 'products' });
    expect(loadConfig({ ...meili, MEILI_INDEX: 'quanta-staging' }).search).toMatchObject({ index: 'quanta-staging' });
    expect(() => loadConfig({ ...meili, MEILI_INDEX: 'no spaces' })).toThrow(/MEILI_INDEX/);
    expect(loadConfig({}).searchWaitMs).toBe(1000);
    expect(loadConfig(meili).searchWaitMs).toBe(0);
    expect(loadConfig({ ...meili, QUANTA_SEARCH_WAIT_MS: '250' }).searchWaitMs).toBe(250);
    expect(() => loadConfig({ QUANTA_SEARCH_WAIT_MS: '-1' })).toThrow(/QUANTA_SEARCH_WAIT_MS/);
    expect(loadConfig({})).toMatchObject({ reconcileSeconds: 600, projectorRetryMaxMs: 10_000, searchProjector: true });
    expect(loadConfig({ QUANTA_SEARCH_PROJECTOR: 'off' }).searchProjector).toBe(false);
    expect(() => loadConfig({ QUANTA_SEARCH_PROJECTOR: 'maybe' })).toThrow(/QUANTA_SEARCH_PROJECTOR/);
    expect(() => loadConfig({ QUANTA_RECONCILE_SECONDS: '1' })).toThrow(/QUANTA_RECONCILE_SECONDS/);
  });
});
