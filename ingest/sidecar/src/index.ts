/**
 * @module
 * The Quanta sidecar: a data product registers itself with Quanta at start-up and reports who
 * reads it and how its SLO checks go (DESIGN.md §4, §5; docs/sidecar.md). No dependencies beyond
 * Node 20: it speaks to Quanta over HTTP with `fetch`.
 */
export { startSidecar } from './sidecar.js';
export { describeEvent, stderrLog } from './log.js';
export { DEFAULT_RETRY } from './backoff.js';
export type { DescriptorObject, Registration, RetryPolicy, Sidecar, SidecarEvent, SidecarOptions, SignalKind, SloCheck } from './types.js';
