/** A typed array constructor this module can grow. */
type Growable = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array | Float64Array;

/**
 * Returns `array` when it holds at least `capacity` elements, else a copy at least twice as long.
 * Per-document columns grow with the largest document id; doubling keeps appends amortised O(1).
 */
export function ensureCapacity<T extends Growable>(array: T, capacity: number): T {
  if (capacity <= array.length) return array;
  const constructor = array.constructor as new (length: number) => T;
  const next = new constructor(Math.max(capacity, array.length * 2));
  next.set(array);
  return next;
}
