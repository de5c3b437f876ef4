import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseDescriptor } from '@quanta/model';
import { canonicalJson, descriptorHash, revisionHash } from './descriptor-hash.js';

describe('descriptorHash', () => {
  const json = parseDescriptor(JSON.parse('{"id":"https://d.example/p","name":"p","domain":"a","owner":{"team":"t"},"tags":["x","y"]}'));
  const yaml = parseDescriptor(parse('owner:\n  team: t\ntags: [x, y]\ndomain: a\nname: p\nid: https://d.example/p\n'));

  it('ignores key order and the format the descriptor came in', () => {
    expect(descriptorHash(yaml)).toBe(descriptorHash(json));
  });

  it('changes with any value, and with array order', () => {
    expect(descriptorHash({ ...json, tags: ['y', 'x'] })).not.toBe(descriptorHash(json));
    expect(descriptorHash({ ...json, domain: 'b' })).not.toBe(descriptorHash(json));
  });

  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('writes integer-like keys first, in numeric order, as every stored hash was computed', () => {
    // RFC 8785 would put "10" before "9"; switching would turn retries of stored events into 409s.
    expect(canonicalJson({ b: 1, 10: 'x', 9: 'y', a: 2 })).toBe('{"9":"y","10":"x","a":2,"b":1}');
  });
});

describe('revisionHash', () => {
  const base = parseDescriptor({ id: 'https://d.example/p', name: 'p', domain: 'a', owner: { team: 't' } });
  const turtle = { ...base, semanticModel: '<https://d.example/a> a <https://d.example/C> .', semanticModelFormat: 'text/turtle' as const };
  const jsonld = { ...base, semanticModel: { '@id': 'https://d.example/a', '@type': 'https://d.example/C' } };

  it('is the descriptor hash when there is no semantic model', () => {
    expect(revisionHash(base, undefined)).toBe(descriptorHash(base));
  });

  it('sees the same graph in Turtle and in JSON-LD as no change, and a different graph as one', () => {
    expect(revisionHash(turtle, 'graph-1')).toBe(revisionHash(jsonld, 'graph-1'));
    expect(revisionHash(turtle, 'graph-2')).not.toBe(revisionHash(turtle, 'graph-1'));
    expect(revisionHash({ ...jsonld, tags: ['x'] }, 'graph-1')).not.toBe(revisionHash(jsonld, 'graph-1'));
  });
});

