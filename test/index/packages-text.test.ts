import { describe, expect, it } from 'vitest';
import { normalizePackages } from '../../src/index/normalize.js';
import { normalizePackagesText } from '../../src/index/packages-text.js';
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
