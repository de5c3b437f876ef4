import { describe, expect, it } from 'vitest';
import { datasetFieldIri, datasetIri, fieldIri, inputIri, isAbsoluteIri, jobIri, lineageIdentity, portIri, runIri, sloIri } from './iri.js';

describe('isAbsoluteIri', () => {
  it.each([
    'https://daff.example/products/player/play-events',
    'http://x.example',
    'urn:isbn:0451450523',
    'tag:daff.example,2026:listener',
    'mailto:player-data@daff.example',
    'https://daff.example/ontology/Hörer',
  ])('accepts %s', (iri) => expect(isAbsoluteIri(iri)).toBe(true));

  it.each([
    ['no scheme', 'play-events'],
    ['a space', 'https://daff.example/play events'],
    ['no host', 'https://'],
    ['an unknown scheme', 'ftp://daff.example/x'],
    ['angle brackets', 'https://daff.example/<x>'],
    ['a control character', 'https://daff.example/\u0007'],
    ['an empty urn', 'urn:'],
    ['an empty string', ''],
  ])('refuses %s', (_why, iri) => expect(isAbsoluteIri(iri)).toBe(false));
});

describe('derived IRIs', () => {
  it('puts ports under their product, ignoring a trailing slash', () => {
    expect(portIri('https://d.example/p/', 'stream')).toBe('https://d.example/p/ports/stream');
    expect(fieldIri('https://d.example/p/ports/t', 'a b/c')).toBe('https://d.example/p/ports/t/fields/a%20b%2Fc');
    expect(sloIri('https://d.example/p/ports/t', 2)).toBe('https://d.example/p/ports/t/slos/2');
    expect(inputIri('https://d.example/p/', 0)).toBe('https://d.example/p/inputs/0');
  });

  it('keeps dataset identities distinct when namespace and name contain colons', () => {
    expect(datasetIri('kafka://a:9092', 'x')).not.toBe(datasetIri('kafka://a', '9092:x'));
  });

  it('reads lineage IRIs back into their OpenLineage identities, colons and all', () => {
    expect(lineageIdentity(datasetIri('postgres://db:5432', 'shop.public.orders'))).toEqual({ kind: 'Dataset', namespace: 'postgres://db:5432', name: 'shop.public.orders' });
    expect(lineageIdentity(jobIri('airflow', 'dag:1.task'))).toEqual({ kind: 'Job', namespace: 'airflow', name: 'dag:1.task' });
    expect(lineageIdentity(datasetFieldIri('s3://b', 'k/x', 'a:b'))).toEqual({ kind: 'DatasetField', namespace: 's3://b', name: 'k/x', field: 'a:b' });
    expect(runIri('0176A8C2-FE01-7439-87E6-56A1A1B4029F')).toBe('urn:quanta:run:0176a8c2-fe01-7439-87e6-56a1a1b4029f');
    for (const other of ['urn:quanta:team:x', 'https://d.example/p', 'urn:quanta:dataset:a:b:c', 'urn:quanta:dataset-field:a:b']) {
      expect(lineageIdentity(other)).toBeUndefined();
    }
  });
});

describe('percent-escapes', () => {
  it('refuses a % that does not start a valid escape, since decoding it would throw', () => {
    expect(isAbsoluteIri('https://x.example/ont/Bad%ZZ')).toBe(false);
    expect(isAbsoluteIri('https://x.example/ont/100%')).toBe(false);
    expect(isAbsoluteIri('https://x.example/ont/Good%20One')).toBe(true);
  });
});
