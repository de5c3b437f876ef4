/**
 * @module
 * Harness for cross-package suites: real server processes and an HTTP helper.
 */
export { backendEnv, openServerGraph, resetBackend } from './support/backend.js';
export { authorization, call, productPath, useToken, type JsonResponse } from './support/http.js';
export { compliantDescriptor } from './support/descriptors.js';
export { ROOT, SERVER_MAIN, CLI } from './support/paths.js';
export { startQuanta, type QuantaProcess, type StartOptions } from './support/quanta-process.js';
export { accessibilityViolations, browserMissing, CHROMIUM, launchBrowser, SCREENSHOTS, type AxeViolation, type Browser } from './support/browser.js';
export { FailingSearchIndex } from './support/failing-search-index.js';
export { freePort } from './support/ports.js';
export { overload, storedIris, type OverloadReport, type ProductBody } from './support/overload.js';
