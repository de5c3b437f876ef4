import { describe, expect, it } from 'vitest';
import { ValidationError } from '@quanta/model';
import { lineageRecord, normalizeEventTime, recordDatasets } from '../projections/lineage-record.js';
import { currentFacets, mergeFacets } from './facet-merge.js';
import { owningTeam } from './owning-team.js';
import { cameAfterEnd, foldRunEvent, isAfterEnd, type RunEventAt, type RunSummary, runState, summaryRun } from './run-state.js';

describe('normalizeEventTime', () => {
  it('writes one instant one way, whatever the offset or precision', () => {
    const same = ['2026-03-01T10:00:00Z', '2026-03-01T12:00:00+02:00', '2026-03-01T12:00:00+0200', '2026-03-01T12:00:00+02', '2026-03-01t10:00:00.000z', '2026-03-01T10:00:00.000000000Z'];
    expect(new Set(same.map(normalizeEventTime))).toEqual(new Set(['2026-03-01T10:00:00.000000000Z']));
    expect(normalizeEventTime('2026-03-01T10:00:00.123456789123Z')).toBe('2026-03-01T10:00:00.123456789Z');
    expect(normalizeEventTime('2026-03-01T00:30:00.5-01:00')).toBe('2026-03-01T01:30:00.500000000Z');
  });

  it('sorts as instants when written as strings', () => {
    const times = ['2026-03-01T10:00:00.9Z', '2026-03-01T10:00:00.10Z', '2026-03-01T11:00:00+02:00'].map(normalizeEventTime);
    expect([...times].sort()).toEqual([times[2], times[1], times[0]]);
  });

  it('refuses a time without an offset, at /eventTime', () => {
    for (const bad of ['2026-03-01T10:00:00', 'yesterday', '2026-13-01T10:00:00Z']) {
      expect(() => normalizeEventTime(bad)).toThrow(ValidationError);
    }
  });
});

describe('runState', () => {
  const t = (m: number) => `2026-03-01T10:0${m}:00.000000000Z`;
  it('ends a run at its first terminal event by time and flags what comes after, in any order', () => {
    const events = [
      { eventType: 'RUNNING' as const, eventTime: t(3) },
      { eventType: 'START' as const, eventTime: t(0) },
      { eventType: 'COMPLETE' as const, eventTime: t(2) },
      { eventType: 'FAIL' as const, eventTime: t(4) },
    ];
    const run = runState('r', 'j', events);
    expect(run).toMatchObject({ state: 'COMPLETE', startedAt: t(0), endedAt: t(2) });
    expect(run.events.map((e) => [e.eventType, e.afterTerminal])).toEqual([
      ['START', false],
      ['COMPLETE', false],
      ['RUNNING', true],
      ['FAIL', true],
    ]);
    expect(runState('r', 'j', [...events].reverse())).toEqual(run);
    expect(cameAfterEnd(run, 'FAIL', t(4))).toBe(true);
    expect(cameAfterEnd(run, 'START', t(0))).toBe(false);
  });

  it('takes the latest event as the state of a run that has not ended, and breaks ties by a fixed order', () => {
    expect(runState('r', 'j', [{ eventType: 'START', eventTime: t(0) }, { eventType: 'RUNNING', eventTime: t(1) }]).state).toBe('RUNNING');
    const tie = [{ eventType: 'FAIL' as const, eventTime: t(1) }, { eventType: 'COMPLETE' as const, eventTime: t(1) }];
    expect(runState('r', 'j', tie).state).toBe('COMPLETE');
    expect(runState('r', 'j', [...tie].reverse()).state).toBe('COMPLETE');
  });
});

describe('foldRunEvent', () => {
  const types = ['START', 'RUNNING', 'OTHER', 'COMPLETE', 'ABORT', 'FAIL'] as const;
  // A small deterministic generator: runs of 1..6 events over 4 instants, so ties are common.
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const shuffled = <T>(items: readonly T[]) => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = next(i + 1);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };

  it('agrees with runState on every set of events, in every arrival order, and on which events came after the end', () => {
    for (let trial = 0; trial < 500; trial++) {
      // A run holds each (eventType, eventTime) once: that is its events' key.
      const byKey = new Map<string, RunEventAt>();
      for (let k = 1 + next(6); k > 0; k--) {
        const e = { eventType: types[next(types.length)] as RunEventAt['eventType'], eventTime: `2026-03-01T10:0${next(4)}:00.000000000Z` };
        byKey.set(`${e.eventType} ${e.eventTime}`, e);
      }
      const events = [...byKey.values()];
      const { events: flagged, ...expected } = runState('r', 'j', events);
      const summary = shuffled(events).reduce<RunSummary | undefined>(foldRunEvent, undefined) as RunSummary;
      expect(summaryRun('r', 'j', summary)).toEqual(expected);
      for (const e of flagged) expect(isAfterEnd(summary, e)).toBe(e.afterTerminal);
    }
  });
});

describe('mergeFacets', () => {
  it('keeps each facet from the latest event, whatever the arrival order, and drops deleted ones on read', () => {
    const a = { schema: 'old', documentation: 'doc' };
    const b = { schema: 'new' };
    const c = { documentation: { _deleted: true } };
    const apply = (order: [Record<string, unknown>, string, string][]) => order.reduce((held, [facets, time, hash]) => mergeFacets(held, facets, time, hash).facets, {});
    const one = apply([[a, 't1', 'h1'], [b, 't2', 'h2'], [c, 't3', 'h3']]);
    const two = apply([[c, 't3', 'h3'], [b, 't2', 'h2'], [a, 't1', 'h1']]);
    expect(two).toEqual(one);
    expect(currentFacets(one)).toEqual({ schema: 'new' });
    expect(mergeFacets(one, { schema: 'older' }, 't0', 'h9').changed).toEqual([]);
  });

  it('tells a newer event with the same value (changed, not reshaped) from a new value (both)', () => {
    const held = mergeFacets({}, { schema: { fields: [{ name: 'a', type: 'int' }] } }, 't1', 'h1').facets;
    const same = mergeFacets(held, { schema: { fields: [{ type: 'int', name: 'a' }] } }, 't2', 'h2');
    expect([same.changed, same.reshaped]).toEqual([['schema'], []]);
    const other = mergeFacets(held, { schema: { fields: [{ name: 'b', type: 'int' }] }, owner: 'x' }, 't2', 'h2');
    expect([other.changed, other.reshaped]).toEqual([['schema', 'owner'], ['schema', 'owner']]);
  });
});

describe('owningTeam', () => {
  it('reads team:<name> owners first, then owners of type TEAM', () => {
    expect(owningTeam({ owners: [{ name: 'user:ada' }, { name: 'team:finance' }] })).toBe('finance');
    expect(owningTeam({ owners: [{ name: 'payments', type: 'team' }] })).toBe('payments');
    expect(owningTeam({ owners: [{ name: 'user:ada', type: 'MAINTAINER' }] })).toBeUndefined();
    expect(owningTeam(undefined)).toBeUndefined();
  });
});

describe('lineageRecord', () => {
  const event = (eventTime: string, extra: Record<string, unknown> = {}) => ({
    eventType: 'COMPLETE',
    eventTime,
    run: { runId: '0176a8c2-fe01-7439-87e6-56a1a1b4029f' },
    job: { namespace: 'etl', name: 'merge_orders' },
    ...extra,
  });

  it('hashes an event with its normalised time, so the same instant written another way is the same event', () => {
    const a = lineageRecord('run', event('2026-03-01T10:00:00Z'));
    const b = lineageRecord('run', event('2026-03-01T12:00:00+02:00'));
    expect([b.key, b.hash]).toEqual([a.key, a.hash]);
  });

  it('keeps a "__proto__" member in the hash and in merged facets', () => {
    const plain = lineageRecord('run', event('2026-03-01T10:00:00Z', JSON.parse('{"x": {}}')));
    const proto = lineageRecord('run', event('2026-03-01T10:00:00Z', JSON.parse('{"x": {"__proto__": {"a": 1}}}')));
    expect(proto.hash).not.toBe(plain.hash);
    const merged = mergeFacets({}, JSON.parse('{"__proto__": {"custom": true}}'), 't', 'h').facets;
    expect(Object.keys(currentFacets(merged))).toEqual(['__proto__']);
  });

  it('merges the facets of a dataset that is both read and written, the output’s winning', () => {
    const table = { namespace: 'pg://db', name: 'public.orders' };
    const record = lineageRecord('run', event('2026-03-01T10:00:00Z', {
      inputs: [{ ...table, facets: { documentation: 'input', dataSource: 'db' } }],
      outputs: [{ ...table, facets: { documentation: 'output', schema: 'fields' } }],
    }));
    expect(recordDatasets(record).map((d) => d.facets)).toEqual([{ documentation: 'output', dataSource: 'db', schema: 'fields' }]);
  });
});
