/**
 * @module
 * The production KnowledgeGraph: Neo4j through neo4j-driver, behind the same contract as the embedded one.
 */
export { Neo4jKnowledgeGraph, type Neo4jKnowledgeGraphOptions } from './neo4j-knowledge-graph.js';
