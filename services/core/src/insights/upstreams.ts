import type { Descriptor, Iri } from '@quanta/model';
import { productRef } from '@quanta/ranking';
import type { ProductLink } from '../ports/lineage-graph.js';

/** How far upstream the lineage evidence of a duplicate pair looks (research/ranking.md §B.5.5). */
export const UPSTREAM_DEPTH = 2;

const PRODUCT = productRef('');

/** The source key of an upstream dataset (an OpenLineage identity). */
export const datasetSource = (namespace: string, name: string): string => `dataset:${namespace}:${name}`;

/** A product's direct upstream sources: its declared input ports, and the products lineage shows feeding it. */
export function directSources(descriptor: Descriptor, lineage: readonly ProductLink[] = []): string[] {
  const sources = new Set<string>();
  for (const port of descriptor.inputPorts ?? []) {
    if ('product' in port) sources.add(productRef(port.product.split('#')[0] as Iri));
    else sources.add(datasetSource(port.lineage.namespace, port.lineage.name));
  }
  for (const link of lineage) if (link.to === descriptor.id) sources.add(productRef(link.from));
  return [...sources].sort();
}

/**
 * Upstream sources to {@link UPSTREAM_DEPTH}: the direct ones, and the direct ones of each
 * upstream product. So two rebuilds that read the same raw table through different staging
 * products still share evidence, which one hop would miss.
 */
export function upstreamSources(iri: Iri, direct: (iri: Iri) => readonly string[] | undefined): string[] {
  const found = new Set<string>();
  let frontier = [iri];
  for (let depth = 0; depth < UPSTREAM_DEPTH; depth++) {
    const next: Iri[] = [];
    for (const at of frontier) {
      for (const source of direct(at) ?? []) {
        if (found.has(source) || source === productRef(iri)) continue;
        found.add(source);
        if (source.startsWith(PRODUCT)) next.push(source.slice(PRODUCT.length));
      }
    }
    frontier = next;
  }
  return [...found].sort();
}
