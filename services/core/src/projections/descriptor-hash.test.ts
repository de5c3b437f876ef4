import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseDescriptor } from '@quanta/model';
import { canonicalJson, descriptorHash } from './descriptor-hash.js';

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
});
