/** One water level reading, as the `readings` port serves it (see descriptor.yaml). */
export interface Reading {
  readonly station: string;
  /** When the level was read, RFC 3339 in UTC. */
  readonly at: string;
  /** Height above chart datum, in metres. */
  readonly height_m: number;
}

const HOUR = 3_600_000;
// The two largest tidal constituents: the principal lunar (M2) and solar (S2) semidiurnal tides.
// Their beat gives springs and neaps about a fortnight apart, as a real gauge shows.
const M2 = { periodMs: 12.4206 * HOUR, amplitudeM: 1.4 };
const S2 = { periodMs: 12 * HOUR, amplitudeM: 0.45 };
const MEAN_LEVEL_M = 2.6;

/** The modelled water level at instant `ms`, in metres above chart datum. */
export function tideHeight(ms: number): number {
  const wave = ({ periodMs, amplitudeM }: typeof M2) => amplitudeM * Math.cos((2 * Math.PI * ms) / periodMs);
  return MEAN_LEVEL_M + wave(M2) + wave(S2);
}

/**
 * An in-memory tide gauge: it keeps the newest `capacity` readings (an hour at one a second), so
 * the example runs forever in bounded memory.
 */
export class TideGauge {
  readonly #readings: Reading[] = [];

  constructor(
    readonly station: string,
    readonly capacity = 3_600,
    private readonly now: () => number = Date.now,
  ) {}

  /** Reads the level now (with a little swell) and keeps the reading. */
  sample(): Reading {
    const ms = this.now();
    const swell = (Math.random() - 0.5) * 0.04;
    const reading: Reading = { station: this.station, at: new Date(ms).toISOString(), height_m: Math.round((tideHeight(ms) + swell) * 1000) / 1000 };
    this.#readings.push(reading);
    if (this.#readings.length > this.capacity) this.#readings.shift();
    return reading;
  }

  /** The newest `limit` readings, newest first. */
  latest(limit: number): readonly Reading[] {
    return this.#readings.slice(-limit).reverse();
  }

  /** The newest reading, if any was taken. */
  newest(): Reading | undefined {
    return this.#readings.at(-1);
  }
}
