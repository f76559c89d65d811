import { describe, expect, it } from 'vitest';
import { rankFew, rankMatches, tieOrder } from '../../src/search/rank.js';
import { fixtureIndex } from '../helpers/fixtures.js';

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
