import type { SloCheck } from '@quanta/sidecar';
import type { TideGauge } from './readings.js';

/** The freshness SLO in descriptor.yaml: the newest reading is at most 5 s old. */
const FRESH_WITHIN_S = 5;

/**
 * The gauge's own SLO checks, against the two SLOs its `readings` port declares: freshness is the
 * age of the newest reading, availability whether the port answers a GET as a consumer would.
 * The probe sends no `X-Consumer`, so it is not counted as use. `selfUrl` settles once the port
 * listens: a run that comes earlier waits for it rather than reporting the port down.
 */
export function gaugeChecks(gauge: TideGauge, selfUrl: Promise<string>): () => Promise<SloCheck[]> {
  return async () => {
    const newest = gauge.newest();
    const ageS = newest ? (Date.now() - Date.parse(newest.at)) / 1000 : undefined;
    const freshness: SloCheck = { port: 'readings', metric: 'freshness', passed: ageS !== undefined && ageS <= FRESH_WITHIN_S, ...(ageS !== undefined && { value: ageS }) };
    return [freshness, { port: 'readings', metric: 'availability', passed: await answers(`${await selfUrl}/readings?limit=1`) }];
  };
}

/** Whether `url` answers 200 with readings within two seconds. */
async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    const body = (await res.json()) as { readings?: unknown };
    return res.ok && Array.isArray(body.readings);
  } catch {
    return false;
  }
}
