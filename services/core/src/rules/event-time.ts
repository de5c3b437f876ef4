/** How far an event's time is from when it arrived, when that is too far to be a run's report. */
export type TimeSkew = 'past' | 'future';

/** A producer clock ahead of ours by more than this is wrong, not early. */
const FUTURE_MS = 60 * 60_000;
/** No run is reported a decade late: that is a clock, or seconds read as milliseconds. */
const PAST_MS = 10 * 365.25 * 24 * 60 * 60_000;

/**
 * Whether an event's time is implausibly far from when Quanta received it (research/
 * perf-reliability.md B7): more than an hour ahead, or more than ten years behind. Such an event
 * is stored and ordered by its eventTime like any other (state never follows arrival); the flag
 * only tells readers not to trust the time it gives.
 */
export function timeSkewOf(eventTime: string, receivedAt: string): TimeSkew | undefined {
  const gap = Date.parse(eventTime) - Date.parse(receivedAt);
  if (Number.isNaN(gap)) return undefined;
  if (gap > FUTURE_MS) return 'future';
  if (gap < -PAST_MS) return 'past';
  return undefined;
}
