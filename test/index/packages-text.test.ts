import { describe, expect, it } from 'vitest';
import { normalizePackages } from '../../src/index/normalize.js';
import { normalizePackagesText, PackagesTextNormalizer } from '../../src/index/packages-text.js';
import { readFixture } from '../helpers/fixtures.js';

const viaParse = (text: string) => normalizePackages(JSON.parse(text));

describe('normalizePackagesText', () => {
  it('gives the same packages as JSON.parse for every real fixture file', () => {
    for (const name of [
      'packages.json',
      'packages.sample.json',
      'packages.milahu-fork-2023.json',
    ]) {
      const text = readFixture(name);
      expect(normalizePackagesText(text)).toEqual(viaParse(text));
    }
  });

  it('agrees with JSON.parse on compact JSON, escapes, primitives and repeated keys', () => {
    const cases = [
      '{}',
      ' { } ',
      '{"nur.repos.a.b":{"name":"b-1","meta":{"description":"say \\"hi\\" \\\\ {not a brace}"}}}',
      '{"nur.repos.a.b":null,"nur.repos.a.c":1,"nur.repos.a.d":"x","nur.repos.a.e":[1,{"x":"]"}]}',
      '{"nur.repos.a.b":{"name":"first"},"nur.repos.a.c":{},"nur.repos.a.b":{"name":"second"}}',
      '{\n  "nur.repos.a.\\u00e9": {\n    "name": "\\u00e9-1"\n  }\n}\n',
      '{"nur.repos.a.b":true ,"nur.repos.a.c":false}',
    ];
    for (const text of cases) expect(normalizePackagesText(text)).toEqual(viaParse(text));
  });

  it('agrees with JSON.parse when pretty-printed entries break the layout of the first', () => {
    const entry = (name: string) => ({ name, meta: { description: `${name} \n    } in text` } });
    const pretty = JSON.stringify(
      { 'nur.repos.a.b': entry('b-1'), 'nur.repos.a.c': entry('c-1') },
      null,
      4,
    );
    const cases = [
      pretty,
      // An inline `{}`, a compact entry and a deeper-indented closer among pretty ones.
      pretty.replace(
        '"nur.repos.a.c"',
        '"nur.repos.a.e": {},\n    "nur.repos.a.f": {"name":"f-1","meta":{"x":{}}},\n    "nur.repos.a.g": {\n        "name": "g-1"\n        },\n    "nur.repos.a.c"',
      ),
      // Tab indentation, and a last entry whose closer is missing (cut off).
      JSON.stringify({ 'nur.repos.a.b': entry('b-1') }, null, '\t'),
    ];
    for (const text of cases) expect(normalizePackagesText(text)).toEqual(viaParse(text));
    expect(() => normalizePackagesText(pretty.slice(0, pretty.lastIndexOf('\n    }')))).toThrow(
      SyntaxError,
    );
  });

  it('throws what JSON.parse throws for broken or non-object JSON', () => {
    const real = readFixture('packages.sample.json');
    expect(() => normalizePackagesText(real.slice(0, real.length / 2))).toThrow(SyntaxError);
    expect(() => normalizePackagesText('{"a": {"b": 1]}')).toThrow(SyntaxError);
    expect(() => normalizePackagesText('{"a": 1} trailing')).toThrow(SyntaxError);
    expect(() => normalizePackagesText('<html>')).toThrow(SyntaxError);
    expect(() => normalizePackagesText('[1, 2]')).toThrow(TypeError);
    expect(() => normalizePackagesText('"text"')).toThrow(TypeError);
  });
});

describe('PackagesTextNormalizer fed in chunks', () => {
  const chunked = (text: string, size: number) => {
    const normalizer = new PackagesTextNormalizer();
    for (let i = 0; i < text.length; i += size) normalizer.push(text.slice(i, i + size));
    return normalizer.end();
  };

  // Each push rescans the unfinished entry, so tiny chunks cost time here (not in use: network
  // and file chunks are 16 KB or more, entries ~2.5 KB); single characters are covered below.
  it('gives the same packages whatever the chunk size', () => {
    const sample = readFixture('packages.sample.json');
    const expected = viaParse(sample);
    for (const size of [7, 64, 1000, 65_536]) expect(chunked(sample, size)).toEqual(expected);
    const whole = readFixture('packages.json');
    expect(chunked(whole, 65_536)).toEqual(viaParse(whole));
    expect(chunked(whole, 4_099)).toEqual(viaParse(whole));
  });

  it('agrees with JSON.parse on small hostile inputs split at every position', () => {
    const cases = [
      '{"nur.repos.a.b":{"name":"q\\\\\\"x"},"nur.repos.a.c":12345,"nur.repos.a.d":true}',
      '  {"nur.repos.a.b" : [ "]" , {"}": "{"} ] }  ',
      '[1,2]',
      '{"nur.repos.a.b": 1} x',
      '{"nur.repos.a.b": {"c": 1}',
      '{"nur.repos.a.b" 1}',
      '',
    ];
    for (const text of cases) {
      let expected: unknown;
      try {
        expected = viaParse(text);
      } catch (error) {
        expected = (error as Error).constructor;
      }
      for (let cut = 0; cut <= text.length; cut++) {
        const normalizer = new PackagesTextNormalizer();
        normalizer.push(text.slice(0, cut));
        normalizer.push(text.slice(cut));
        let actual: unknown;
        try {
          actual = normalizer.end();
        } catch (error) {
          actual = (error as Error).constructor;
        }
        expect(actual, `${JSON.stringify(text)} cut at ${cut}`).toEqual(expected);
      }
    }
  });
});
