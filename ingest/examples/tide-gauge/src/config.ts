/** How the gauge runs, from its environment. */
export interface GaugeConfig {
  readonly host: string;
  /** 0 lets the system choose; the chosen port is printed. */
  readonly port: number;
  readonly quantaServer: string;
  readonly quantaToken?: string;
  readonly sloEveryMs: number;
  readonly usageEveryMs: number;
  readonly retryMaxMs: number;
}

/**
 * Reads PORT, HOST, QUANTA_SERVER, QUANTA_TOKEN, QUANTA_SLO_EVERY_MS, QUANTA_USAGE_EVERY_MS and
 * QUANTA_RETRY_MAX_MS.
 * @throws Error naming the variable that is not a number in range
 */
export function readConfig(env: Readonly<Record<string, string | undefined>>): GaugeConfig {
  const number = (name: string, fallback: number, min: number) => {
    const raw = env[name]?.trim();
    const value = raw ? Number(raw) : fallback;
    if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer of at least ${min}, not ${JSON.stringify(raw)}`);
    return value;
  };
  const port = number('PORT', 0, 0);
  if (port > 65_535) throw new Error(`PORT must be at most 65535, not ${port}`);
  return {
    host: env.HOST?.trim() || '127.0.0.1',
    port,
    quantaServer: env.QUANTA_SERVER?.trim() || 'http://127.0.0.1:4000',
    ...(env.QUANTA_TOKEN ? { quantaToken: env.QUANTA_TOKEN } : {}),
    sloEveryMs: number('QUANTA_SLO_EVERY_MS', 60_000, 1),
    usageEveryMs: number('QUANTA_USAGE_EVERY_MS', 10_000, 1),
    retryMaxMs: number('QUANTA_RETRY_MAX_MS', 60_000, 1),
  };
}
