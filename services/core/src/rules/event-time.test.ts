import { describe, expect, it } from 'vitest';
import { timeSkewOf } from './event-time.js';
import { runState } from './run-state.js';

const ARRIVAL = '2026-12-06T12:00:00.000Z';

describe('event times far from arrival (B7)', () => {
  it('flags more than an hour ahead and more than ten years behind, nothing between', () => {
    expect(timeSkewOf('2036-12-06T12:00:00Z', ARRIVAL)).toBe('future');
    expect(timeSkewOf('2026-12-06T13:00:01Z', ARRIVAL)).toBe('future');
    expect(timeSkewOf('2026-12-06T12:59:59Z', ARRIVAL)).toBeUndefined();
    expect(timeSkewOf('2016-12-05T12:00:00Z', ARRIVAL)).toBe('past');
    expect(timeSkewOf('2020-12-28T19:51:01.641Z', ARRIVAL)).toBeUndefined(); // a six-year-old replay
    expect(timeSkewOf('not a time', ARRIVAL)).toBeUndefined();
  });

  it('orders a run by eventTime whatever the flags, and flags only events whose arrival is known', () => {
    const run = runState('r', 'urn:job', [
      { eventType: 'COMPLETE', eventTime: '2036-12-06T12:00:00.000000000Z', receivedAt: ARRIVAL },
      { eventType: 'START', eventTime: '2016-12-01T12:00:00.000000000Z', receivedAt: ARRIVAL },
      { eventType: 'RUNNING', eventTime: '2016-12-02T12:00:00.000000000Z', receivedAt: null },
    ]);
    expect(run).toMatchObject({ state: 'COMPLETE', startedAt: '2016-12-01T12:00:00.000000000Z', endedAt: '2036-12-06T12:00:00.000000000Z' });
    expect(run.events.map((e) => [e.eventType, e.timeSkew])).toEqual([
      ['START', 'past'],
      ['RUNNING', undefined],
      ['COMPLETE', 'future'],
    ]);
  });
});
