import { pino, type Logger } from 'pino';
import type { QuantaConfig } from '@quanta/config';

/** The process logger: JSON lines (one object per event), level from configuration. */
export function createLogger(config: Pick<QuantaConfig, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, base: { service: 'quanta' } });
}
