import { describe, expect, it } from 'vitest';
import { boundedEditDistance, maxEdits, suggest } from '../../src/search/suggest.js';
import { fixtureIndex, realKeys } from '../helpers/fixtures.js';

const index = fixtureIndex();
const candidates = {
  refs: index.packages.map((p) => p.ref),
  repoNames: [...new Set([...Object.keys(index.repos), ...index.packages.map((p) => p.repo)])],
};
const values = (query: string, limit?: number) =>
  suggest(query, candidates, limit).map((s) => s.value);

/** Plain optimal-string-alignment distance, the reference for the banded one. */
function osaDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

describe('boundedEditDistance', () => {
  it('counts an adjacent transposition as one edit', () => {
    expect(boundedEditDistance('mic29', 'mic92', 2)).toBe(1);
    expect(boundedEditDistance('goatcountr', 'goatcounter', 2)).toBe(1);
  });

  it('agrees with the unbounded distance within the bound, and exceeds the bound otherwise', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = () =>
      Array.from({ length: Math.floor(random() * 9) }, () => 'abcd'[Math.floor(random() * 4)]).join(
        '',
      );
    for (let n = 0; n < 2000; n++) {
      const a = word();
      const b = word();
      const max = 1 + Math.floor(random() * 3);
      const exact = osaDistance(a, b);
      const bounded = boundedEditDistance(a, b, max);
      if (exact <= max) expect(bounded, `${a} ${b} ${max}`).toBe(exact);
      else expect(bounded, `${a} ${b} ${max}`).toBeGreaterThan(max);
    }
  });

  it('compares with the rest of a string from an offset, as with a copy', () => {
    expect(boundedEditDistance('goatcountr', 'mic92.goatcounter', 2, 6)).toBe(1);
    expect(boundedEditDistance('mic92', 'mic92.goatcounter', 2, 6)).toBe(3);
  });

  it('allows more edits for longer queries', () => {
    expect(maxEdits(3)).toBeLessThan(maxEdits(6));
    expect(maxEdits(6)).toBeLessThan(maxEdits(12));
  });
});

describe('suggest', () => {
  it('finds the package for a typo in its name alone', () => {
    expect(values('goatcountr')[0]).toBe('mic92.goatcounter');
  });

  it('finds the package for a transposed repo name in a full ref', () => {
    expect(values('mic29.goatcounter')[0]).toBe('mic92.goatcounter');
  });

  it('finds a repo for a mistyped repo name', () => {
    expect(values('ijohane')).toContain('ijohanne');
    expect(suggest('ijohane', candidates)[0]).toMatchObject({ value: 'ijohanne', kind: 'repo' });
  });

  it('offers names the query is a prefix of', () => {
    const found = suggest('goatcoun', candidates);
    expect(found[0]).toMatchObject({ value: 'mic92.goatcounter', cost: 0.5 });
  });

  it('ranks closer matches first and returns at most the limit', () => {
    const found = suggest('luakit', candidates, 3);
    expect(found.length).toBeLessThanOrEqual(3);
    const costs = found.map((s) => s.cost);
    expect([...costs].sort((a, b) => a - b)).toEqual(costs);
    expect(values('luakit', 1)).toHaveLength(1);
  });

  it('is case-insensitive on both sides', () => {
    expect(values('MIC92.GOATCOUNTER')[0]).toBe('mic92.goatcounter');
    expect(values('andrewkvalheim')[0]).toBe('AndrewKvalheim');
    expect(values('andrewkvalheim.apex')[0]).toBe('AndrewKvalheim.apex');
    expect(values('skyb0rg')).toContain('Skyb0rg007');
  });

  it('suggests nothing for a query far from every name', () => {
    expect(values('zzzzqqqqxxxx')).toEqual([]);
    expect(values('')).toEqual([]);
  });

  it('still finds the right ref among 10× a real-size index', () => {
    const keys = realKeys().map((k) => k.replace(/^nur\.repos\./, ''));
    const big = {
      refs: Array.from({ length: 10 }, (_, copy) =>
        keys.map((k) => (copy === 0 ? k : `${k}-v${copy}`)),
      ).flat(),
      repoNames: [...new Set(keys.map((k) => k.split('.')[0]!))],
    };
    expect(big.refs.length).toBeGreaterThan(80_000);
    const target = keys.find((k) => k.startsWith('mic92.'))!;
    const typo = `${target.slice(0, -2)}${target.at(-1)}${target.at(-2)}`;
    expect(suggest(typo, big)[0]!.value).toBe(target);
  });
});
