/**
 * @module
 * Quanta's composition root: picks adapters from configuration and serves the API.
 */
export { openGraph, openSearch } from './adapters.js';
export { createLogger } from './logger.js';
export { startServer, type RunningServer } from './start.js';
