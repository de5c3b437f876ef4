/**
 * A counter delta every adapter accepts: a finite number. NaN or Infinity would poison the counter
 * for good (every later sum stays NaN), so they are refused before anything is written.
 * @throws RangeError when `delta` is not finite
 */
export function assertCounterDelta(delta: number): void {
  if (!Number.isFinite(delta)) throw new RangeError(`counter delta must be a finite number, got ${delta}`);
}
