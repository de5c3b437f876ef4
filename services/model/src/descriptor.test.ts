import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors.js';
import { parseDescriptor } from './validate.js';

const minimal = { id: 'https://d.example/p', name: 'p', domain: 'player', owner: { team: 'player' } };

const issuesOf = (input: unknown) => {
  try {
    parseDescriptor(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).issues;
  }
  throw new Error('expected a ValidationError');
};

describe('parseDescriptor', () => {
  it('accepts the minimal descriptor and defaults the status to active', () => {
    expect(parseDescriptor(minimal).status).toBe('active');
  });

  it('names every missing required field, at its pointer', () => {
    expect(issuesOf({})).toEqual(
      expect.arrayContaining([
        { pointer: '/id', message: 'id is required' },
        { pointer: '/name', message: 'name is required' },
        { pointer: '/domain', message: 'domain is required' },
        { pointer: '/owner', message: 'owner is required' },
      ]),
    );
  });

  it('names unknown fields, top-level and nested', () => {
    expect(issuesOf({ ...minimal, colour: 1, flavour: 2 })).toContainEqual({ pointer: '', message: 'unknown fields: colour, flavour' });
    expect(issuesOf({ ...minimal, owner: { team: 'x', boss: 'y' } })).toContainEqual({ pointer: '/owner', message: 'unknown field: boss' });
  });

  it('accepts input ports naming a product or an operational dataset, and nothing else', () => {
    const ok = parseDescriptor({ ...minimal, inputPorts: [{ product: 'https://d.example/q#table' }, { lineage: { namespace: 'pg://db', name: 'public.t' } }] });
    expect(ok.inputPorts).toHaveLength(2);
    expect(issuesOf({ ...minimal, inputPorts: [{ product: 'https://d.example/q', lineage: { namespace: 'a', name: 'b' } }] }).length).toBeGreaterThan(0);
  });

  it('requires text/turtle for a string semantic model, and a string for text/turtle', () => {
    expect(issuesOf({ ...minimal, semanticModel: '@prefix x: <y> .' })).toContainEqual({
      pointer: '/semanticModelFormat',
      message: 'a string semanticModel needs semanticModelFormat: text/turtle',
    });
    expect(parseDescriptor({ ...minimal, semanticModel: '@prefix x: <y> .', semanticModelFormat: 'text/turtle' }).semanticModel).toBeTypeOf('string');
    expect(issuesOf({ ...minimal, semanticModel: { '@id': 'https://d.example/x' }, semanticModelFormat: 'text/turtle' })).toContainEqual({
      pointer: '/semanticModelFormat',
      message: 'semanticModelFormat text/turtle needs the model as a Turtle string',
    });
  });

  it('checks SLO targets and windows', () => {
    const slo = (s: object) => ({ ...minimal, outputPorts: [{ name: 'p', kind: 'table', slos: [{ metric: 'timeliness', objective: '< 1h', ...s }] }] });
    expect(issuesOf(slo({ target: 1.5 }))[0]?.pointer).toBe('/outputPorts/0/slos/0/target');
    expect(issuesOf(slo({ window: 'a month' }))[0]?.message).toMatch(/duration/);
    expect(parseDescriptor(slo({ target: 0.99, window: '28d' })).outputPorts?.[0]?.slos?.[0]?.window).toBe('28d');
  });

  it('refuses two SLOs with one metric on one port, since a check could not say which it measures', () => {
    const slos = [
      { metric: 'freshness', objective: '<= 1h' },
      { metric: 'availability', objective: '99.9%' },
      { metric: 'freshness', objective: '<= 5m' },
    ];
    const ports = [
      { name: 'a', kind: 'table', slos },
      { name: 'b', kind: 'table', slos: slos.slice(0, 1) },
    ];
    expect(issuesOf({ ...minimal, outputPorts: ports })).toEqual([
      { pointer: '/outputPorts/0/slos/2/metric', message: 'duplicate SLO metric "freshness" on port "a": SLO checks name a guarantee by its port and metric' },
    ]);
    // The same metric on two ports is fine: a check names the port.
    expect(parseDescriptor({ ...minimal, outputPorts: [ports[1], { ...ports[1], name: 'c' }] }).outputPorts).toHaveLength(2);
  });
});

describe('parseDescriptor, hostile and mistyped input', () => {
  it('says what type was expected rather than "required" for a wrong-typed field', () => {
    const issues = issuesOf({ ...minimal, name: 5, owner: 'player' });
    expect(issues.find((i) => i.pointer === '/name')?.message).toMatch(/expected string, received number/);
    expect(issues.find((i) => i.pointer === '/owner')?.message).toMatch(/expected object, received string/);
    expect(issuesOf([])[0]).toEqual({ pointer: '', message: expect.stringMatching(/expected object, received array/) });
  });

  it('refuses nesting deeper than 64 levels without walking it recursively', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 20_000; i++) deep = [deep];
    const issues = issuesOf({ ...minimal, semanticModel: { '@graph': deep } });
    expect(issues[0]?.message).toMatch(/nested deeper than 64/);
    expect(issues[0]?.pointer.startsWith('/semanticModel/@graph/0/0')).toBe(true);
  });

  it('keeps urn:quanta: for the IRIs Quanta mints', () => {
    expect(issuesOf({ ...minimal, id: 'urn:quanta:domain:player' })[0]?.pointer).toBe('/id');
  });

  it('tells whether a raw descriptor states its status', async () => {
    const { declaresStatus } = await import('./validate.js');
    expect(declaresStatus({ ...minimal, status: 'active' })).toBe(true);
    expect(declaresStatus(minimal)).toBe(false);
    expect(declaresStatus('status')).toBe(false);
  });

  it('caps a port lineage identity at 768 bytes of UTF-8, as OpenLineage events are', () => {
    const port = (name: string) => ({ ...minimal, outputPorts: [{ name: 'table', kind: 'table', lineage: [{ namespace: 'pg', name }] }] });
    expect(() => parseDescriptor(port('表'.repeat(256)))).not.toThrow();
    try {
      parseDescriptor(port('表'.repeat(257)));
      expect.unreachable('a 771-byte name was accepted');
    } catch (error) {
      expect((error as ValidationError).issues[0]).toMatchObject({ pointer: '/outputPorts/0/lineage/0/name', message: expect.stringMatching(/768 bytes/) });
    }
  });
});
