import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { QuantaConfig } from '@quanta/config';

/**
 * The process logger: JSON lines by default; readable lines for a person at a terminal
 * (`QUANTA_LOG_FORMAT=pretty`, which `quanta up` sets on a TTY).
 */
export function createLogger(config: Pick<QuantaConfig, 'logLevel' | 'logFormat'>): Logger {
  const options = { level: config.logLevel, base: { service: 'quanta' } };
  if (config.logFormat === 'pretty') {
    return pino(options, pretty({ colorize: true, ignore: 'pid,hostname,service', translateTime: 'HH:MM:ss' }));
  }
  return pino(options);
}
