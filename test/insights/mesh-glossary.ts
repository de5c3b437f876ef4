import type { Descriptor } from '@quanta/model';
import { COLUMN_SYNONYMS, ONTOLOGY, WORD_SYNONYMS } from './mesh-vocabulary.js';

/**
 * The generated mesh's business glossary, published the way a governance team would: a data
 * product whose semantic model is a SKOS concept scheme, each term with its `skos:prefLabel` and
 * the other names teams use (`skos:altLabel`). Duplicate detection maps column names through the
 * glossary of the whole mesh (research/ranking.md §B.5.1), which is what lets it see a semantic
 * twin (`client_id`, `billed_at`) as the product it twins (`customer_id`, `issued_at`). It holds
 * the synonyms the generator renames with, as a mature mesh's glossary would hold its teams'.
 */
export function meshGlossary(): Descriptor {
  const terms = [...Object.entries(WORD_SYNONYMS), ...Object.entries(COLUMN_SYNONYMS)].map(([preferred, alternatives]) => ({
    '@id': `${ONTOLOGY}term/${preferred}`,
    '@type': 'skos:Concept',
    'skos:inScheme': { '@id': `${ONTOLOGY}term/` },
    'skos:prefLabel': preferred.replace(/_/g, ' '),
    'skos:altLabel': alternatives.map((a) => a.replace(/_/g, ' ')),
  }));
  return {
    id: 'https://mesh.example/products/governance/business-glossary',
    name: 'business-glossary',
    title: 'Business glossary',
    description: 'The business terms of the mesh and the other names teams use for them, as a SKOS concept scheme.',
    domain: 'governance',
    owner: { team: 'data-governance' },
    status: 'active',
    tags: ['glossary'],
    classification: { confidentiality: 'internal' },
    outputPorts: [
      {
        name: 'skos',
        kind: 'api',
        format: 'text/turtle',
        fields: [
          { name: 'term', type: 'string' },
          { name: 'alt_label', type: 'string' },
        ],
      },
    ],
    semanticModel: {
      '@context': { skos: 'http://www.w3.org/2004/02/skos/core#', '@language': 'en' },
      '@graph': [{ '@id': `${ONTOLOGY}term/`, '@type': 'skos:ConceptScheme', 'skos:prefLabel': 'Business glossary' }, ...terms],
    },
  } as Descriptor;
}
