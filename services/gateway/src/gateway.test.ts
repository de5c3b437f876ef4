import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, NotFoundError } from '@quanta/model';
import type { GraphqlContext } from './context.js';
import { formatError } from './errors.js';
import { graphqlHandler } from './http.js';
import { perRequest } from './per-request.js';

describe('formatError', () => {
  it('gives a domain error its kind and issues, and an unexpected one nothing but that it happened', () => {
    const logged: unknown[] = [];
    const log = (e: unknown) => logged.push(e);
    const notFound = new GraphQLError('x', { originalError: new NotFoundError('no data product https://x') });
    expect(formatError({ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, notFound, log)).toEqual({
      message: 'no data product https://x',
      extensions: { code: 'NOT_FOUND', kind: 'not-found' },
    });
    const bug = new GraphQLError('Cannot read properties of undefined', { originalError: new TypeError('Cannot read properties of undefined'), path: ['product', 'name'] });
    expect(formatError({ message: bug.message, path: ['product', 'name'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x.ts:1'] } }, bug, log)).toEqual({
      message: 'Unexpected error; the server logged it.',
      path: ['product', 'name'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logged).toEqual([bug.originalError]);
    const invalid = { message: 'Cannot query field "nam" on type "DataProduct".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(formatError(invalid, new GraphQLError(invalid.message), log)).toEqual(invalid);
    // A subgraph's refusal keeps its code, not the subgraph's address.
    const refused = { message: 'no', extensions: { code: 'FORBIDDEN', serviceName: 'catalog', response: { url: 'http://127.0.0.1:41234/graphql', status: 403 } } };
    expect(formatError(refused, new GraphQLError('no'), log)).toEqual({ message: 'no', extensions: { code: 'FORBIDDEN' } });
    // Masked by a subgraph already: not logged twice.
    formatError({ message: 'Unexpected error; the server logged it.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, new GraphQLError('x'), log);
    expect(logged).toHaveLength(1);
  });
});

describe('graphqlHandler', () => {
  const server = new ApolloServer<GraphqlContext>({
    typeDefs: 'type Query { who: String! }', resolvers: { Query: { who: (_r: unknown, _a: unknown, c: GraphqlContext) => c.identity.subject } },
    allowBatchedHttpRequests: true,
  });
  const handle = graphqlHandler(server, { maxBodyBytes: 200, batch: 2 });
  beforeAll(() => server.start());
  afterAll(() => server.stop());
  const post = (body: string) => handle(new Request('http://q/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }), { identity: ANONYMOUS });

  it('answers with the identity it is given, and batches up to its limit', async () => {
    expect(await (await post('{"query":"{ who }"}')).json()).toEqual({ data: { who: ANONYMOUS.subject } });
    const batch = await post('[{"query":"{ who }"},{"query":"{ who }"}]');
    expect([batch.status, ((await batch.json()) as unknown[]).length]).toEqual([200, 2]);
  });

  it('refuses a batch over the limit, a body over the size limit and a body that is not JSON', async () => {
    const batch = await post('[{"query":"{ who }"},{"query":"{ who }"},{"query":"{ who }"}]');
    expect([batch.status, await batch.json()]).toEqual([400, { errors: [{ message: 'A batch may hold at most 2 operations; this one holds 3.', extensions: { code: 'BATCH_LIMIT_EXCEEDED' } }] }]);
    expect((await post(`{"query":"{ who }","x":"${'a'.repeat(300)}"}`)).status).toBe(413);
    // Streamed without a length: refused once the limit is passed, not after buffering it all.
    const chunks = ['{"query":"{ who }","x":"', ...Array.from({ length: 10 }, () => 'a'.repeat(150)), '"}'];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(next));
      },
    });
    const streamed = await handle(new Request('http://q/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit), { identity: ANONYMOUS });
    expect(streamed.status).toBe(413);
    expect(chunks.length).toBeGreaterThan(0);
    expect((await post('{"query":')).status).toBe(400);
  });
});

describe('perRequest', () => {
  it('makes one value per context object', () => {
    let made = 0;
    const value = perRequest(() => ({ n: ++made }));
    const a = {};
    expect([value(a), value(a), value({})]).toEqual([{ n: 1 }, { n: 1 }, { n: 2 }]);
  });
});
