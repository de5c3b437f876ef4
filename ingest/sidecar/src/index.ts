/**
 * @module
 * The Quanta sidecar: a data product registers itself with Quanta at start-up and reports who
 * reads it and how its SLO checks go (DESIGN.md §4, §5; docs/sidecar.md). It speaks to Quanta over
 * HTTP with Node's `fetch`, and checks what it sends with Quanta's own rules (@quanta/model), so
 * that one bad signal is dropped here rather than costing a batch.
 */
export { startSidecar } from './sidecar.js';
export { describeEvent, stderrLog } from './log.js';
export { DEFAULT_RETRY } from './backoff.js';
export { MAX_BUFFERED } from './settings.js';
export { invalidConsumer } from './usage.js';
export type { DescriptorObject, Registration, RetryPolicy, Sidecar, SidecarEvent, SidecarOptions, SignalKind, SloCheck } from './types.js';
