import { describe, expect, it } from 'vitest';
import { CONTEXT_IRI, loadContext } from './index.js';

describe('the default JSON-LD context', () => {
  it('maps every top-level descriptor key to a term', () => {
    const context = loadContext()['@context'];
    for (const key of ['id', 'name', 'title', 'description', 'domain', 'owner', 'status', 'tags', 'concepts', 'outputPorts', 'inputPorts', 'semanticModel', 'classification', 'links']) {
      expect(context, key).toHaveProperty(key);
    }
    expect(context.id).toBe('@id');
  });

  it('is published under the IRI descriptors may name', () => {
    expect(CONTEXT_IRI).toMatch(/\/ns\/context\.jsonld$/);
  });
});
