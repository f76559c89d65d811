import { describe, expect, it } from 'vitest';
import { splitIndexKey } from '../../src/index/normalize.js';
import type { Package } from '../../src/model.js';
import { rankFew, rankMatches, selectLargest, tieOrder } from '../../src/search/rank.js';
import { fixtureIndex, realKeys } from '../helpers/fixtures.js';

describe('ranking order', () => {
  const packages = fixtureIndex().packages;
  // Few distinct scores, so most of the order comes from the tie-break.
  const scoreOf = (id: number) => ((id * 7919) % 5) * 10 - (id % 3 === 0 ? 8 : 0);
  const ids = packages.map((_, i) => i);

  it('gives the same order from the packed sort and the comparator sort', () => {
    expect(rankMatches(ids, scoreOf, tieOrder(packages))).toEqual(rankFew(ids, scoreOf, packages));
  });

  it('orders by score, then shorter attr, then ref', () => {
    const ranked = rankMatches(ids, scoreOf, tieOrder(packages));
    for (let i = 1; i < ranked.length; i++) {
      const [a, b] = [ranked[i - 1]!, ranked[i]!];
      const [pa, pb] = [packages[a]!, packages[b]!];
      const order =
        scoreOf(b) - scoreOf(a) || pa.attr.length - pb.attr.length || (pa.ref < pb.ref ? -1 : 1);
      expect(order).toBeLessThan(0);
    }
  });

  it('returns the best `limit` ids', () => {
    const all = rankMatches(ids, scoreOf, tieOrder(packages));
    expect(rankMatches(ids, scoreOf, tieOrder(packages), 10)).toEqual(all.slice(0, 10));
    expect(rankFew(ids, scoreOf, packages, 10)).toEqual(all.slice(0, 10));
  });
});

describe('selecting the best few of many matches', () => {
  // The 8,378 real keys: real attr lengths and refs decide the ties.
  const packages = realKeys().map((key) => {
    const { repo, attr } = splitIndexKey(key)!;
    return { repo, attr, ref: `${repo}.${attr}` } as Package;
  });
  const order = tieOrder(packages);
  const ids = packages.map((_, i) => i);
  // Tier-like scores (sums of a few tiers, some broken): large groups of equal scores.
  const tiers = [20, 30, 35, 50, 60, 80, 100];
  const scoreOf = (id: number) =>
    tiers[(id * 31) % tiers.length]! + tiers[(id * 17) % 3]! - (id % 11 === 0 ? 8 : 0);

  it.each([1, 7, 50, 512, 4096, 8377])(
    'gives the first %i of the full sort when only they are asked for',
    (limit) => {
      const full = rankMatches(ids, scoreOf, order);
      expect(rankMatches(ids, scoreOf, order, limit)).toEqual(full.slice(0, limit));
    },
  );

  it('selects from a subset of the index in any id order', () => {
    const subset = ids.filter((id) => id % 3 !== 1).reverse();
    const full = rankMatches(subset, scoreOf, order);
    expect(rankMatches(subset, scoreOf, order, 50)).toEqual(full.slice(0, 50));
  });

  it('moves the largest keys to the end, whatever the input order', () => {
    const ascending = Float64Array.from({ length: 1000 }, (_, i) => i * 3);
    const inputs = [
      ascending,
      ascending.slice().reverse(),
      ascending.map((x) => (x * 7919) % 3001),
    ];
    for (const keys of inputs) {
      const expected = [...keys].sort((a, b) => b - a).slice(0, 37);
      const chosen = [...selectLargest(keys.slice(), 37)].sort((a, b) => b - a);
      expect(chosen).toEqual(expected);
    }
  });
});
