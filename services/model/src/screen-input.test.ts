import { describe, expect, it } from 'vitest';
import { screenInput } from './screen-input.js';

describe('screenInput', () => {
  it('passes well-formed input, paired surrogates (emoji) included', () => {
    expect(screenInput({ a: ['x', { 'b😀': '😀' }], n: 1, z: null })).toBeUndefined();
  });

  it('finds a lone surrogate in a value or a key, with an escaped pointer', () => {
    expect(screenInput({ 'a/b': [{ 'c~d': 'x\ud800' }] })).toEqual({ pointer: '/a~1b/0/c~0d', rule: 'must be well-formed Unicode (it holds a lone UTF-16 surrogate)' });
    expect(screenInput({ ok: 1, ['k\udfff']: 1 })?.pointer).toBe('/k\udfff');
  });

  it('finds nesting deeper than the bound without recursing', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(screenInput({ d: deep }, 64)).toEqual({ pointer: `/d${'/0'.repeat(63)}`, rule: 'nested deeper than 64 levels' });
    expect(screenInput([[['x']]], 3)).toBeUndefined();
  });
});
