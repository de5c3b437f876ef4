/** A laid-out graph as the browser draws it: plain data, so a server component can hand it to a client one. */
export interface DrawnNode {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly subtitle?: string;
  /** Further lines inside the box (an entity's attributes). */
  readonly lines?: readonly string[];
  readonly href?: string;
  /** `focus` is the node the page is about. */
  readonly tone?: 'focus' | 'plain';
  /** A colour stripe on the box's left edge: the node's group (its domain), with a legend beside the graph. */
  readonly accent?: string;
}

/** A routed edge: the polyline ELK chose, and an optional label. */
export interface DrawnEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly points: readonly (readonly [number, number])[];
  readonly label?: string;
  readonly dashed?: boolean;
}

/** A laid-out graph, ready to draw. */
export interface DrawnGraph {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly DrawnNode[];
  readonly edges: readonly DrawnEdge[];
}
