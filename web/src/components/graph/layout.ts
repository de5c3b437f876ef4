import 'server-only';
import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';

/** A box to place: its size follows the text it will show. */
export interface LayoutNode {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}

export interface LayoutEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
}

/** Where ELK put everything: node corners and edge polylines, in one coordinate space. */
export interface Placed {
  readonly width: number;
  readonly height: number;
  readonly nodes: ReadonlyMap<string, { x: number; y: number; width: number; height: number }>;
  readonly edges: ReadonlyMap<string, readonly (readonly [number, number])[]>;
}

const elk = new ELK();

/**
 * Layouts already computed, by their input. ELK takes about 10 ms even for a handful of nodes, and
 * a product's lineage changes far less often than its page is viewed: the same graph in gives the
 * same drawing out, so a page view pays for ELK only when the graph changed.
 */
const memo = new Map<string, Promise<Placed>>();
const MEMO_SIZE = 500;

/**
 * Lays a directed graph out in layers with ELK (the Eclipse Layout Kernel), left to right by
 * default: upstream on the left, downstream on the right, the way people read lineage.
 * Runs on the server, so pages arrive drawn and work without JavaScript.
 */
export function layoutGraph(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], direction: 'RIGHT' | 'DOWN' = 'RIGHT'): Promise<Placed> {
  const key = JSON.stringify([direction, nodes, edges]);
  const known = memo.get(key);
  if (known) {
    // Refresh its place: the map's insertion order is its recency.
    memo.delete(key);
    memo.set(key, known);
    return known;
  }
  const placed = layout(nodes, edges, direction);
  memo.set(key, placed);
  placed.catch(() => memo.delete(key));
  if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  return placed;
}

async function layout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], direction: 'RIGHT' | 'DOWN'): Promise<Placed> {
  const ids = new Set(nodes.map((n) => n.id));
  const input: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': direction,
      'elk.edgeRouting': 'POLYLINE',
      'elk.spacing.nodeNode': '24',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
      'elk.padding': '[top=12,left=12,bottom=12,right=12]',
    },
    children: nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e): ElkExtendedEdge => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const graph = await elk.layout(input);
  const placed = new Map((graph.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 }]));
  const routes = new Map<string, (readonly [number, number])[]>();
  for (const e of graph.edges ?? []) {
    const section = e.sections?.[0];
    if (!section) continue;
    routes.set(e.id, [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => [p.x, p.y] as const));
  }
  return { width: graph.width ?? 0, height: graph.height ?? 0, nodes: placed, edges: routes };
}
