/**
 * A descriptor body (plain JSON, as a producer sends it) that meets every global policy of
 * `ontologies/shapes.ttl`: a description of 50+ characters, a classification, a port with SLOs.
 * Suites break one policy at a time through `extra`.
 */
export function compliantDescriptor(base: string, name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `${base}/${name}`,
    name,
    title: name.replace(/-/g, ' '),
    description: `The ${name} product, registered by the end-to-end suite: one row per listener and day.`,
    domain: 'listener',
    owner: { team: 'listener-insights' },
    classification: { confidentiality: 'internal' },
    outputPorts: [
      {
        name: 'table',
        kind: 'table',
        fields: [{ name: 'listener_id', type: 'string' }],
        slos: [{ metric: 'freshness', objective: '<= 1 h', target: 0.99, window: '28d' }],
      },
    ],
    ...extra,
  };
}
