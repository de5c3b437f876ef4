/**
 * @module
 * What Quanta knows of the OpenLineage spec (DESIGN.md §7): the official JSON Schemas pinned in
 * `schemas/`, the event and facet types generated from them, `validateLineageEvent` (Ajv against
 * the core and every standard facet schema, with precise, located issues) and the Marquez node ids
 * of the lineage graph. Pure: the schemas are read once at module load, nothing is fetched.
 */
export type * from './generated/openlineage.js';
export type { LineageEventKind } from './event-kind.js';
export { LINEAGE_LIMITS } from './identity-limits.js';
export { MAX_ISSUES } from './issues.js';
export { formatNodeId, InvalidNodeIdError, type NodeId, parseNodeId } from './node-id.js';
export { type Accepted, type LineageValidation, validateLineageEvent } from './validate-event.js';
