import { DescriptorSchema, FACETS, insightJsonSchemas, signalJsonSchemas, TokenInputSchema } from '@quanta/model';
import { z } from 'zod';
import { meshReportSchema } from './openapi-mesh-report.js';
import { usageReportSchema } from './openapi-usage-report.js';

/** JSON Schemas (2020-12, as OpenAPI 3.1 uses) of the API's bodies. */
export function componentSchemas(): Record<string, unknown> {
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const str = { type: 'string' };
  const issue = { type: 'object', required: ['pointer', 'message'], properties: { pointer: str, message: str } };
  return {
    Descriptor: z.toJSONSchema(DescriptorSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
    TokenInput: z.toJSONSchema(TokenInputSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
    Problem: {
      type: 'object',
      required: ['type', 'title', 'status', 'detail'],
      properties: {
        type: str,
        title: str,
        status: { type: 'integer' },
        detail: str,
        instance: str,
        errors: { type: 'array', items: issue },
        findings: { type: 'array', items: ref('Finding') },
      },
    },
    Finding: {
      type: 'object',
      required: ['severity', 'path', 'message'],
      properties: { severity: { enum: ['Violation', 'Warning', 'Info'] }, path: str, message: str, shape: str },
    },
    Concept: { type: 'object', properties: { iri: str, label: str, defined: { type: 'boolean' } } },
    GraphNode: { type: 'object', properties: { iri: str, kind: str, label: str, stub: { type: 'boolean' } } },
    ConceptProducts: {
      type: 'object',
      properties: {
        concept: ref('GraphNode'),
        equivalents: { type: 'array', items: ref('GraphNode') },
        total: { type: 'integer' },
        truncated: { type: 'boolean' },
        items: { type: 'array', items: ref('ProductSummary') },
      },
    },
    Validation: {
      type: 'object',
      properties: { valid: { const: true }, findings: { type: 'array', items: ref('Finding') }, descriptor: ref('Descriptor') },
    },
    Product: {
      type: 'object',
      required: ['iri', 'revision', 'hash', 'recordedAt', 'recordedBy', 'descriptor'],
      properties: {
        iri: str,
        revision: { type: 'integer', minimum: 1 },
        hash: str,
        createdAt: { type: 'string', format: 'date-time' },
        recordedAt: { type: 'string', format: 'date-time' },
        recordedBy: str,
        descriptor: ref('Descriptor'),
        findings: { type: 'array', items: ref('Finding'), description: 'Policy Warnings of this revision' },
        concepts: { type: 'array', items: ref('Concept'), description: 'Concepts the semantic layer linked' },
      },
    },
    Registration: {
      type: 'object',
      properties: {
        outcome: { enum: ['created', 'updated', 'unchanged'] },
        revision: { type: 'integer' },
        findings: { type: 'array', items: ref('Finding') },
        product: ref('Product'),
      },
    },
    ProductSummary: {
      type: 'object',
      properties: {
        ...Object.fromEntries(['iri', 'name', 'title', 'description', 'domain', 'owner', 'status', 'updatedAt'].map((k) => [k, str])),
        tags: { type: 'array', items: str },
        portKinds: { type: 'array', items: str },
        revision: { type: 'integer' },
      },
    },
    ProductPage: {
      type: 'object',
      properties: { total: { type: 'integer' }, limit: { type: 'integer' }, next: str, items: { type: 'array', items: ref('ProductSummary') } },
    },
    Revisions: {
      type: 'object',
      properties: {
        iri: str,
        revisions: {
          type: 'array',
          items: { type: 'object', properties: { revision: { type: 'integer' }, hash: str, status: str, recordedAt: str, recordedBy: str } },
        },
      },
    },
    SearchHit: {
      type: 'object',
      properties: {
        product: ref('ProductSummary'),
        relevance: { type: 'number', minimum: 0, maximum: 1 },
        multiplier: { type: 'number' },
        score: { type: 'number' },
        factors: { type: 'array', items: { type: 'object', properties: { name: str, value: { type: 'number' }, reason: str } } },
        notes: { type: 'array', items: str },
      },
    },
    SearchResponse: {
      type: 'object',
      properties: {
        query: str,
        total: { type: 'integer' },
        offset: { type: 'integer' },
        limit: { type: 'integer' },
        hits: { type: 'array', items: ref('SearchHit') },
        facets: {
          type: 'object',
          properties: Object.fromEntries(
            FACETS.map((f) => [f, { type: 'array', items: { type: 'object', properties: { value: str, count: { type: 'integer' } } } }]),
          ),
        },
      },
    },
    LineageOutcome: {
      type: 'object',
      properties: {
        outcome: { enum: ['stored', 'duplicate'] },
        afterTerminal: { type: 'boolean' },
        timeSkew: { enum: ['past', 'future'], description: 'eventTime is more than an hour ahead of arrival, or ten years behind: stored and ordered by it, but flagged' },
      },
    },
    ...signalJsonSchemas(),
    ...insightJsonSchemas(),
    DuplicateVerdictResult: {
      type: 'object',
      properties: { a: str, b: str, verdict: { enum: ['not-duplicate', 'duplicate'] }, band: { enum: ['likely', 'possible', 'none'] } },
    },
    PairView: {
      type: 'object',
      description: 'A scored pair (research/ranking.md §B.5): likely duplicate or possible overlap, with its evidence in [0, 1]',
      properties: {
        a: str,
        b: str,
        score: { type: 'number' },
        band: { enum: ['likely', 'possible'] },
        evidence: {
          type: 'object',
          properties: {
            ...Object.fromEntries(['schema', 'contain', 'lineage', 'semantics', 'text'].map((k) => [k, { type: 'number' }])),
            matchedColumns: { type: 'integer' },
            sharedUpstreams: { type: 'array', items: str },
            sharedConcepts: { type: 'array', items: str },
          },
        },
      },
    },
    DuplicatesReport: {
      type: 'object',
      properties: {
        generatedAt: str,
        filter: { type: 'object', properties: { owner: str, domain: str } },
        groups: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              canonical: { type: 'object', properties: { iri: str, name: str, domain: str, owner: str } },
              canonicalReason: str,
              averageScore: { type: 'number' },
              members: { type: 'array', items: { type: 'object', description: 'iri, name, domain, owner, canonical, quality (Q), demoted, graceEndsAt' } },
              pairs: { type: 'array', items: ref('PairView') },
              nudges: { type: 'array', items: { type: 'object', properties: { product: str, owner: str, kind: { enum: ['duplicate', 'retirement'] }, message: str, at: str } } },
              overrides: { type: 'array', items: ref('DuplicateOverride') },
            },
          },
        },
        overlaps: { type: 'array', items: ref('PairView') },
        overrides: { type: 'array', items: ref('DuplicateOverride') },
        nudges: { type: 'array', items: { type: 'object', properties: { product: str, owner: str, kind: { enum: ['duplicate', 'retirement'] }, message: str, at: str } } },
      },
    },
    UsageReport: usageReportSchema(),
    MeshReport: meshReportSchema(),
    DuplicateOverride: {
      type: 'object',
      properties: { a: str, b: str, verdict: { enum: ['not-duplicate', 'duplicate'] }, reason: str, actor: str, at: str, holds: { type: 'boolean' } },
    },
    SignalReport: { type: 'object', properties: { stored: { type: 'integer' }, duplicates: { type: 'integer' } } },
    SignalOutcome: { type: 'object', properties: { outcome: { enum: ['stored', 'updated', 'duplicate'] } } },
    LineageBatchReport: {
      type: 'object',
      properties: {
        status: { enum: ['success', 'partial_success'] },
        summary: { type: 'object', properties: Object.fromEntries(['received', 'successful', 'failed', 'retriable', 'non_retriable', 'stored', 'duplicates', 'after_terminal'].map((k) => [k, { type: 'integer' }])) },
        failed_events: { type: 'array', items: { type: 'object', properties: { index: { type: 'integer' }, reason: str, retriable: { type: 'boolean' }, type: str, issues: { type: 'array' } } } },
      },
    },
    LineageGraph: {
      type: 'object',
      properties: {
        graph: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: str,
              type: { enum: ['DATASET', 'JOB'] },
              data: { type: 'object' },
              inEdges: { type: 'array', items: { type: 'object', properties: { origin: str, destination: str } } },
              outEdges: { type: 'array', items: { type: 'object', properties: { origin: str, destination: str } } },
            },
          },
        },
        truncated: { type: 'boolean' },
      },
    },
    Run: {
      type: 'object',
      properties: {
        runId: str,
        job: str,
        state: str,
        startedAt: str,
        endedAt: str,
        events: {
          type: 'array',
          items: { type: 'object', properties: { eventType: str, eventTime: str, afterTerminal: { type: 'boolean' }, receivedAt: str, timeSkew: { enum: ['past', 'future'] } } },
        },
      },
    },
    ProductLineage: {
      type: 'object',
      properties: {
        product: str,
        direction: str,
        depth: { type: 'integer' },
        products: { type: 'array', items: { type: 'object', properties: { iri: str, label: str, registered: { type: 'boolean' } } } },
        links: { type: 'array', items: { type: 'object', properties: { from: str, to: str, via: { enum: ['declared', 'dataset', 'job'] }, job: str, dataset: str } } },
        truncated: { type: 'boolean' },
      },
    },
  };
}
