import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { type Descriptor, type Iri, fieldIri, inputIri, portIri, sloIri } from '@quanta/model';
import { CONTEXT_IRI } from '@quanta/ontologies';
import { QUANTA_CONCEPT, RDF_TYPE } from './vocabulary.js';

/** The RDF projection of a descriptor (ADR 0006), as JSON-LD, with where each node came from. */
export interface ProductProjection {
  /** The descriptor read through the Quanta context, with identities and types added. */
  readonly document: Record<string, unknown>;
  /** JSON Pointer into the descriptor of every node the projection names: product, ports, fields, SLOs, inputs. */
  readonly pointers: ReadonlyMap<Iri, string>;
}

/**
 * The descriptor as the RDF the export, the policies and the concept queries see (ADR 0006):
 * `<id> a DataProduct`, ports `<id>/ports/<name>` (OutputPort), fields `<port>/fields/<name>`
 * (Field), SLOs `<port>/slos/<i>` (ServiceLevelObjective), inputs `<id>/inputs/<i>` (InputPort).
 * The semantic model is left out: its own triples are merged in instead of a JSON literal.
 * A field's `type` stays the descriptor key (its data type, `quanta:fieldType`), never `@type`.
 */
export function projectProduct(descriptor: Descriptor): ProductProjection {
  const { semanticModel: _model, semanticModelFormat: _format, '@context': _context, outputPorts, inputPorts, ...rest } = descriptor;
  const pointers = new Map<Iri, string>([[descriptor.id, '']]);
  const note = (iri: Iri, pointer: string) => {
    if (!pointers.has(iri)) pointers.set(iri, pointer); // a repeated field name names one node: point at its first use
  };
  const ports = (outputPorts ?? []).map((port, i) => {
    const id = portIri(descriptor.id, port.name);
    note(id, `/outputPorts/${i}`);
    const { fields, slos, ...portRest } = port;
    return {
      id,
      '@type': 'OutputPort',
      ...portRest,
      ...(fields && {
        fields: fields.map((field, j) => {
          const fieldId = fieldIri(id, field.name);
          note(fieldId, `/outputPorts/${i}/fields/${j}`);
          return { id: fieldId, '@type': 'Field', ...field };
        }),
      }),
      ...(slos && {
        slos: slos.map(({ target, ...slo }, k) => {
          note(sloIri(id, k), `/outputPorts/${i}/slos/${k}`);
          return { id: sloIri(id, k), '@type': 'ServiceLevelObjective', ...slo, ...(target !== undefined && { target: decimal(target) }) };
        }),
      }),
    };
  });
  const inputs = (inputPorts ?? []).map((input, i) => {
    note(inputIri(descriptor.id, i), `/inputPorts/${i}`);
    return { id: inputIri(descriptor.id, i), '@type': 'InputPort', ...input };
  });
  const document = {
    '@context': CONTEXT_IRI,
    ...rest,
    '@type': 'DataProduct',
    ...(outputPorts && { outputPorts: ports }),
    ...(inputPorts && { inputPorts: inputs }),
  };
  return { document, pointers };
}

/** `<c> a quanta:Concept` for each known concept: what the field-concept policy checks against. */
export function conceptTypings(concepts: Iterable<Iri>): Quad[] {
  const type = DataFactory.namedNode(RDF_TYPE);
  const concept = DataFactory.namedNode(QUANTA_CONCEPT);
  return [...new Set(concepts)].map((c) => DataFactory.quad(DataFactory.namedNode(c), type, concept));
}

/**
 * A number in xsd:decimal's lexical form. JSON-LD would write a fractional number as an xsd:double
 * lexical ("9.9E-1") even under an xsd:decimal coercion, which is not a valid decimal.
 */
function decimal(n: number): string {
  const plain = String(n);
  return /e/i.test(plain) ? n.toFixed(20).replace(/\.?0+$/, '') : plain;
}
