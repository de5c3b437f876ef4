import 'server-only';
import type { DrawnEdge, DrawnGraph, DrawnNode } from './drawn-graph';
import { layoutGraph } from './layout';

/** A node before layout: what it says decides how big it is. */
export type NodeSpec = Omit<DrawnNode, 'x' | 'y' | 'width' | 'height'>;
/** An edge before layout. */
export type EdgeSpec = Omit<DrawnEdge, 'points'>;

const CHAR_WIDTH = 7;
const LINE_HEIGHT = 16;
const PADDING = 12;
const MAX_CHARS = 34;

const clip = (s: string) => (s.length > MAX_CHARS ? `${s.slice(0, MAX_CHARS - 1)}…` : s);

/** Lays nodes and edges out with ELK and returns what `GraphSvg` draws; text longer than a box allows is clipped. */
export async function drawGraph(nodes: readonly NodeSpec[], edges: readonly EdgeSpec[], direction: 'RIGHT' | 'DOWN' = 'RIGHT'): Promise<DrawnGraph> {
  const specs = nodes.map((n) => ({ ...n, title: clip(n.title), subtitle: n.subtitle && clip(n.subtitle), lines: n.lines?.map(clip) }));
  const sized = specs.map((n) => {
    const texts = [n.title, n.subtitle ?? '', ...(n.lines ?? [])];
    const longest = Math.max(...texts.map((t) => t.length));
    const rows = 1 + (n.subtitle ? 1 : 0) + (n.lines?.length ?? 0);
    return { id: n.id, width: Math.max(110, longest * CHAR_WIDTH + 2 * PADDING), height: rows * LINE_HEIGHT + PADDING * 1.5 };
  });
  const placed = await layoutGraph(sized, edges, direction);
  return {
    width: placed.width,
    height: placed.height,
    nodes: specs.flatMap((n) => {
      const at = placed.nodes.get(n.id);
      return at ? [{ ...n, ...at }] : [];
    }),
    edges: edges.flatMap((e) => {
      const points = placed.edges.get(e.id);
      return points ? [{ ...e, points }] : [];
    }),
  };
}
