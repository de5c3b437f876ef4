import { z } from 'zod';
import { CONTEXT_IRI } from '@quanta/ontologies/iris';
import { IriSchema, RESERVED_IRI_PREFIX } from './iri.js';

/** The IRI of the default JSON-LD context every descriptor is read through. */
export const QUANTA_CONTEXT_IRI = CONTEXT_IRI;

const slug = (what: string) =>
  z
    .string()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/, {
      message: `${what} must be a lowercase slug (letters, digits, and - _ . between them)`,
    });

/** Lifecycle of a data product. Retired products are kept and readable but drop out of search. */
export const ProductStatusSchema = z.enum(['draft', 'active', 'deprecated', 'retired']);
/** Kinds of output port, as faceted in search. */
export const PortKindSchema = z.enum(['stream', 'table', 'file', 'api', 'graphql']);

/**
 * A part of an OpenLineage dataset identity: as OpenLineage events are held (ADR 0008), 1–512
 * characters and at most 768 bytes of UTF-8, since it becomes a percent-encoded IRI and an index
 * key (Neo4j refuses keys over 8,164 bytes).
 */
const identityPart = z
  .string()
  .min(1)
  .max(512)
  .refine((v) => new TextEncoder().encode(v).length <= 768, { message: 'must be at most 768 bytes of UTF-8 (a character outside ASCII takes 2 to 4)' });

/** An OpenLineage dataset identity. */
export const DatasetRefSchema = z.strictObject({
  namespace: identityPart,
  name: identityPart,
});

/** A service level objective declared on an output port. */
export const SloSchema = z.strictObject({
  metric: z.string().min(1).max(100),
  objective: z.string().min(1).max(200),
  target: z.number().gt(0).max(1).optional(),
  window: z
    .string()
    .regex(/^\d+(m|h|d|w)$/, { message: 'window must be a duration such as 30m, 24h, 28d or 4w' })
    .optional(),
  description: z.string().max(2000).optional(),
});

/** A field of an output port; `concept` links it to the shared ontology. */
export const FieldSchema = z.strictObject({
  name: z.string().min(1).max(200),
  type: z.string().min(1).max(100),
  description: z.string().max(2000).optional(),
  concept: IriSchema.optional(),
  pii: z.boolean().optional(),
});

/** An output port: how consumers read the product. Its IRI is `<product>/ports/<name>`. */
export const OutputPortSchema = z.strictObject({
  name: slug('port name'),
  kind: PortKindSchema,
  format: z.string().min(1).max(100).optional(),
  description: z.string().max(4000).optional(),
  location: z.string().max(2048).optional(),
  lineage: z.array(DatasetRefSchema).max(100).optional(),
  fields: z.array(FieldSchema).max(2000).optional(),
  slos: z.array(SloSchema).max(100).optional(),
});

/** An input port: an upstream product (optionally `#port`) or an operational source dataset. */
export const InputPortSchema = z.union([
  z.strictObject({ product: IriSchema, description: z.string().max(2000).optional() }),
  z.strictObject({ lineage: DatasetRefSchema, description: z.string().max(2000).optional() }),
]);

/**
 * The descriptor a data product registers with (DESIGN.md §4). Plain JSON or YAML that is also
 * JSON-LD through the Quanta context. Unknown fields are rejected so typos never pass silently.
 */
export const DescriptorSchema = z
  .strictObject({
    '@context': z.literal(QUANTA_CONTEXT_IRI).optional(),
    id: IriSchema.refine((iri) => !iri.toLowerCase().startsWith(RESERVED_IRI_PREFIX), {
      message: `${RESERVED_IRI_PREFIX} IRIs are minted by Quanta for domains, teams and datasets; give the product its own IRI`,
    }),
    name: slug('name'),
    title: z.string().min(1).max(200).optional(),
    description: z.string().max(20_000).optional(),
    domain: slug('domain'),
    owner: z.strictObject({
      team: slug('owner team'),
      contact: IriSchema.optional(),
    }),
    status: ProductStatusSchema.default('active'),
    version: z.string().min(1).max(64).optional(),
    tags: z.array(slug('tag')).max(50).optional(),
    concepts: z.array(IriSchema).max(200).optional(),
    outputPorts: z.array(OutputPortSchema).max(50).optional(),
    inputPorts: z.array(InputPortSchema).max(200).optional(),
    semanticModel: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown()), z.string()]).optional(),
    semanticModelFormat: z.enum(['application/ld+json', 'text/turtle']).optional(),
    classification: z
      .strictObject({
        confidentiality: z.enum(['public', 'internal', 'confidential', 'restricted']),
        pii: z.boolean().optional(),
      })
      .optional(),
    links: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/), IriSchema).optional(),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.outputPorts?.forEach((port, i) => {
      if (seen.has(port.name)) {
        ctx.addIssue({ code: 'custom', path: ['outputPorts', i, 'name'], message: `duplicate port name "${port.name}"` });
      }
      seen.add(port.name);
      // An SLO check names its guarantee by (port, metric): two SLOs sharing both could never be checked.
      const metrics = new Set<string>();
      port.slos?.forEach((slo, k) => {
        if (metrics.has(slo.metric)) {
          ctx.addIssue({ code: 'custom', path: ['outputPorts', i, 'slos', k, 'metric'], message: `duplicate SLO metric "${slo.metric}" on port "${port.name}": SLO checks name a guarantee by its port and metric` });
        }
        metrics.add(slo.metric);
      });
    });
    if (typeof d.semanticModel === 'string' && d.semanticModelFormat !== 'text/turtle') {
      ctx.addIssue({
        code: 'custom',
        path: ['semanticModelFormat'],
        message: 'a string semanticModel needs semanticModelFormat: text/turtle',
      });
    }
    if (typeof d.semanticModel === 'object' && d.semanticModelFormat === 'text/turtle') {
      ctx.addIssue({
        code: 'custom',
        path: ['semanticModelFormat'],
        message: 'semanticModelFormat text/turtle needs the model as a Turtle string',
      });
    }
  });

/** A validated descriptor, with defaults applied. */
export type Descriptor = z.output<typeof DescriptorSchema>;
/** A descriptor as a producer writes it (defaults not yet applied). */
export type DescriptorInput = z.input<typeof DescriptorSchema>;
export type ProductStatus = z.infer<typeof ProductStatusSchema>;
export type PortKind = z.infer<typeof PortKindSchema>;
export type OutputPort = z.infer<typeof OutputPortSchema>;
export type InputPort = z.infer<typeof InputPortSchema>;
export type DatasetRef = z.infer<typeof DatasetRefSchema>;
