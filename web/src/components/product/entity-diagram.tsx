import { drawGraph, type EdgeSpec, type NodeSpec } from '../graph/draw';
import { GraphSvg } from '../graph/graph-svg';
import type { SemanticModelView } from '@/lib/gateway/queries/product';
import { conceptHref } from '@/lib/links';
import { shortIri } from '@/lib/format';

/**
 * The product's semantic model as an entity diagram: each class a box listing its attributes,
 * object properties as labelled arrows, and the shared concepts its classes match as dashed
 * arrows to boxes that open the concept's page ("everything that speaks about …").
 */
export async function EntityDiagram({ model }: { model: SemanticModelView }) {
  if (!model.entities.length) return <p className="muted">This product registered no semantic model.</p>;
  const inModel = new Set(model.entities.map((e) => e.iri));
  const nodes = new Map<string, NodeSpec>(
    model.entities.map((e) => [
      e.iri,
      { id: e.iri, title: e.label, href: conceptHref(e.iri), lines: e.attributes.length ? e.attributes.map((a) => `${a.label}${a.range ? `: ${shortIri(a.range)}` : ''}`) : ['(no attributes)'] },
    ]),
  );
  const outside = (iri: string) => nodes.get(iri) ?? nodes.set(iri, { id: iri, title: shortIri(iri), subtitle: 'shared concept', href: conceptHref(iri) }).get(iri);
  const edges: EdgeSpec[] = model.relations.map((r) => {
    outside(r.to);
    outside(r.from);
    return { id: `${r.iri} ${r.from} ${r.to}`, source: r.from, target: r.to, label: r.label };
  });
  for (const e of model.entities) {
    for (const m of e.matches) {
      if (!inModel.has(m.iri)) outside(m.iri);
      edges.push({ id: `${e.iri} ${m.relation} ${m.iri}`, source: e.iri, target: m.iri, label: m.relation, dashed: true });
    }
  }
  const graph = await drawGraph([...nodes.values()], edges);
  return (
    <>
      <GraphSvg graph={graph} label={`Semantic model: ${model.entities.map((e) => `${e.label} (${e.attributes.map((a) => a.label).join(', ') || 'no attributes'})`).join('; ')}`} />
      <p className="legend">
        <span>boxes: the classes the model defines, with their attributes</span>
        <span>arrows: relations between them</span>
        <span>dashed: the shared concepts they match</span>
      </p>
    </>
  );
}
