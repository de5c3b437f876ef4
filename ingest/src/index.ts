/**
 * @module
 * The programmatic side of the `quanta` CLI: an HTTP client and descriptor-file registration.
 */
export { ApiError, createClient, type Client } from './client.js';
export { collectDescriptorFiles, type DescriptorFile } from './descriptor-files.js';
export { DEMO_DIR } from './paths.js';
export { registerFiles, type RegisterSummary } from './register-files.js';
export { demoDescriptorFiles } from './descriptor-files.js';
export { loadDemo, registerDemo, sendDemoHistory } from './demo.js';
export { demoSignals, readDemoSignalFile, type DemoSignals } from './demo-signals.js';
