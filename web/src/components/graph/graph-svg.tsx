'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import type { DrawnGraph, DrawnNode } from './drawn-graph';

/**
 * Draws a laid-out graph. Nodes with an address are links (reachable by Tab); pointing at or
 * focusing a node lights its edges and neighbours, so a path through a busy graph stands out.
 */
export function GraphSvg({ graph, label }: { graph: DrawnGraph; label: string }) {
  const [lit, setLit] = useState<string | null>(null);
  // One arrowhead per drawing: two graphs on a page must not share a marker id.
  const arrow = `arrow-${useId().replace(/:/g, '')}`;
  const litEdges = new Set(graph.edges.filter((e) => e.source === lit || e.target === lit).map((e) => e.id));
  const litNodes = new Set(graph.edges.filter((e) => litEdges.has(e.id)).flatMap((e) => [e.source, e.target]));
  return (
    <div className="graph">
      <svg viewBox={`0 0 ${Math.ceil(graph.width)} ${Math.ceil(graph.height)}`} width={Math.ceil(graph.width)} role="group" aria-label={label}>
        <defs>
          <marker id={arrow} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="#8a909c" />
          </marker>
        </defs>
        {graph.edges.map((e) => (
          <g key={e.id}>
            <polyline
              className={`edge${litEdges.has(e.id) ? ' lit' : ''}`}
              points={e.points.map(([x, y]) => `${x},${y}`).join(' ')}
              markerEnd={`url(#${arrow})`}
              strokeDasharray={e.dashed ? '5 4' : undefined}
            />
            {e.label && <EdgeLabel points={e.points} text={e.label} />}
          </g>
        ))}
        {graph.nodes.map((n) => (
          <Node key={n.id} node={n} lit={litNodes.has(n.id)} onLight={setLit} />
        ))}
      </svg>
    </div>
  );
}

function Node({ node, lit, onLight }: { node: DrawnNode; lit: boolean; onLight: (id: string | null) => void }) {
  const rows = [node.subtitle, ...(node.lines ?? [])].filter((r): r is string => Boolean(r));
  const box = (
    <g
      className={`node${node.tone === 'focus' ? ' focus' : ''}${lit ? ' lit' : ''}`}
      transform={`translate(${node.x},${node.y})`}
      onMouseEnter={() => onLight(node.id)}
      onMouseLeave={() => onLight(null)}
    >
      <rect width={node.width} height={node.height} rx="6" />
      {node.accent && <rect width="6" height={node.height} rx="2" style={{ fill: node.accent, stroke: 'none' }} />}
      <text x="12" y="20" fontWeight="600">
        {node.title}
      </text>
      {rows.map((r, i) => (
        <text key={i} x="12" y={36 + i * 16} className="sub">
          {r}
        </text>
      ))}
    </g>
  );
  if (!node.href) return box;
  return (
    // The link's name is the text drawn in its box, so what people see is what a screen reader says.
    // Focus lands on the link, not the box inside it: that is where the keyboard lights the neighbours.
    <Link href={node.href} data-node={node.id} onFocus={() => onLight(node.id)} onBlur={() => onLight(null)}>
      {box}
    </Link>
  );
}

function EdgeLabel({ points, text }: { points: DrawnGraph['edges'][number]['points']; text: string }) {
  const [a, b] = [points[0], points[points.length - 1]];
  if (!a || !b) return null;
  return (
    <text x={(a[0] + b[0]) / 2} y={(a[1] + b[1]) / 2 - 4} textAnchor="middle" className="sub">
      {text}
    </text>
  );
}
