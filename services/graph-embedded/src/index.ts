/**
 * @module
 * The embedded KnowledgeGraph: SQLite through better-sqlite3, one file in the data directory.
 */
export { SqliteKnowledgeGraph, type SqliteKnowledgeGraphOptions } from './sqlite-knowledge-graph.js';
