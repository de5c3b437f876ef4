import { ConsumerRefSchema } from '@quanta/model';
import { describe, expect, it } from 'vitest';
import { invalidConsumer, invalidUse, UsageLedger } from './usage.js';

describe('UsageLedger', () => {
  it('counts uses per consumer and port until sealed, at the latest use', () => {
    const ledger = new UsageLedger(10);
    ledger.record('analytics', 'readings', 1, '2026-03-01T10:00:00.000Z');
    ledger.record('analytics', 'readings', 2, '2026-03-01T10:00:05.000Z');
    ledger.record('analytics', undefined, 1, '2026-03-01T10:00:06.000Z');
    ledger.record('ops', 'readings', 4, '2026-03-01T10:00:07.000Z');
    expect(ledger.peek(10)).toEqual([]); // nothing leaves before it is sealed
    ledger.seal();
    const reports = ledger.peek(10);
    expect(reports.map(({ id: _id, ...r }) => r)).toEqual([
      { consumer: 'analytics', port: 'readings', count: 3, at: '2026-03-01T10:00:05.000Z' },
      { consumer: 'analytics', count: 1, at: '2026-03-01T10:00:06.000Z' },
      { consumer: 'ops', port: 'readings', count: 4, at: '2026-03-01T10:00:07.000Z' },
    ]);
    expect(new Set(reports.map((r) => r.id)).size).toBe(3);
  });

  it('keeps a sealed report as it is, id and count, however often it is retried', () => {
    const ledger = new UsageLedger(10);
    ledger.record('analytics', undefined, 1, '2026-03-01T10:00:00.000Z');
    ledger.seal();
    const [first] = ledger.peek(1);
    ledger.record('analytics', undefined, 5, '2026-03-01T10:00:09.000Z');
    expect(ledger.peek(1)).toEqual([first]);
    ledger.seal();
    expect(ledger.peek(10)).toHaveLength(2);
    ledger.sent(ledger.peek(1));
    expect(ledger.peek(10)).toMatchObject([{ count: 5 }]);
    expect(ledger.peek(1)[0]?.id).not.toBe(first?.id);
  });

  it('holds at most its capacity, dropping the oldest report', () => {
    const ledger = new UsageLedger(2);
    expect(ledger.record('a', undefined, 1, '2026-03-01T10:00:00Z')).toBe(0);
    ledger.seal();
    expect(ledger.record('b', undefined, 1, '2026-03-01T10:00:01Z')).toBe(0);
    expect(ledger.record('c', undefined, 1, '2026-03-01T10:00:02Z')).toBe(1); // a, the sealed one, goes
    expect(ledger.record('d', undefined, 1, '2026-03-01T10:00:03Z')).toBe(1); // then b, the oldest counted
    ledger.seal();
    expect(ledger.peek(10).map((r) => r.consumer)).toEqual(['c', 'd']);
    expect(ledger.clear()).toBe(2);
  });

  it('seals far more reports than a spread call could take', () => {
    const ledger = new UsageLedger(200_000);
    for (let i = 0; i < 150_000; i += 1) ledger.record(`team-${i}`, undefined, 1, '2026-03-01T10:00:00Z');
    expect(ledger.seal()).toBe(0); // push(...reports) throws RangeError: Maximum call stack size exceeded
    expect(ledger.size).toBe(150_000);
  });
});

describe('invalidUse', () => {
  // Quanta's rules (ConsumerRefSchema, isAbsoluteIri): a team slug, or an http(s) IRI with a host,
  // or a urn:, tag: or mailto: IRI. The old local check took any scheme, so Quanta refused batches.
  const consumers: [consumer: string, accepted: boolean][] = [
    ['analytics', true],
    ['coast-ops', true],
    ['team_1.eu', true],
    ['a'.repeat(2_000), true],
    ['a'.repeat(2_001), false],
    ['Analytics', false],
    ['-ops', false],
    ['ops-', false],
    ['co--ops', false],
    ['', false],
    [' analytics', false],
    ['https://tides.example/products/coast/harbour-plan', true],
    ['http://localhost:8080/products/x', true],
    ['HTTPS://tides.example/x', true],
    ['https://', false],
    ['http://:80/x', false],
    [`https://tides.example/${'p'.repeat(2_030)}`, false],
    ['urn:quanta:team:analytics', true],
    ['urn:', false],
    ['tag:tides.example,2026:harbour', true],
    ['mailto:coast-ops@tides.example', true],
    ['foo:bar', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['ftp://tides.example/x', false],
    ['data:text/plain,hi', false],
    ['https://tides.example/a b', false],
    ['https://tides.example/%zz', false],
    ['urn:x:<y>', false],
    ['https://tides.example/x\u0000', false],
  ];

  it.each(consumers)('checks the consumer %j as Quanta does (accepted: %s)', (consumer, accepted) => {
    expect(ConsumerRefSchema.safeParse(consumer).success).toBe(accepted); // the table is Quanta's rules
    expect(invalidConsumer(consumer) === undefined).toBe(accepted);
    expect(invalidUse(consumer, undefined, 1) === undefined).toBe(accepted);
  });

  it('says why a consumer is refused, in Quanta\'s words', () => {
    expect(invalidUse('foo:bar', undefined, 1)).toBe('consumer "foo:bar": must be a team slug (lowercase, e.g. analytics) or the IRI of a data product');
    expect(invalidConsumer(undefined)).toMatch(/^consumer of type undefined: /);
    expect(invalidConsumer('X'.repeat(300))).toMatch(/^consumer "X{100}…": /);
  });

  it('refuses a count Quanta would refuse, and an empty port', () => {
    expect(invalidUse('analytics', undefined, 0)).toMatch(/count/);
    expect(invalidUse('analytics', undefined, 1.5)).toMatch(/count/);
    expect(invalidUse('analytics', '', 1)).toMatch(/port/);
  });
});
