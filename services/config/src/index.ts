/**
 * @module
 * Quanta's configuration: the only module that reads `process.env`.
 */
export { ConfigError, EnvSchema, loadConfig, type QuantaConfig } from './config.js';
