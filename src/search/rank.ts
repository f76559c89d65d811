// Orders matches: higher score first, then a fixed tie-break (shorter attr, then ref by code
// units), so the same query always lists the same packages in the same order.
import type { Package } from '../model.js';

export interface TieOrder {
  /** Position of each package id in the tie-break order. */
  rankOf: Uint32Array;
  /** Package id at each tie-break position. */
  idAt: Uint32Array;
  /** A power of two above every rank: scores and ranks pack into one number. */
  base: number;
}

export function tieOrder(packages: readonly Package[]): TieOrder {
  const ids = packages.map((_, i) => i);
  ids.sort((a, b) => {
    const pa = packages[a]!;
    const pb = packages[b]!;
    return pa.attr.length - pb.attr.length || (pa.ref < pb.ref ? -1 : pa.ref > pb.ref ? 1 : a - b);
  });
  const rankOf = new Uint32Array(packages.length);
  ids.forEach((id, rank) => (rankOf[id] = rank));
  let base = 1;
  while (base <= packages.length) base *= 2;
  return { rankOf, idAt: Uint32Array.from(ids), base };
}

/** Below this many matches a comparator sort beats building the whole tie order. */
export const SMALL_RESULT = 512;

/** Best first, for few matches: compares refs directly, no index-wide tie order needed. */
export function rankFew(
  ids: readonly number[],
  scoreOf: (id: number) => number,
  packages: readonly Package[],
  limit?: number,
): number[] {
  const ranked = [...ids].sort((a, b) => {
    const pa = packages[a]!;
    const pb = packages[b]!;
    return (
      scoreOf(b) - scoreOf(a) ||
      pa.attr.length - pb.attr.length ||
      (pa.ref < pb.ref ? -1 : pa.ref > pb.ref ? 1 : a - b)
    );
  });
  return limit && limit > 0 ? ranked.slice(0, limit) : ranked;
}

/**
 * The best `limit` ids (all when limit is 0 or undefined), best first. Each match is packed as
 * score·base + (base − 1 − rank) into a Float64Array, whose numeric sort is much faster than a
 * comparator sort; scores are integers, so the packing is exact.
 */
export function rankMatches(
  ids: readonly number[],
  scoreOf: (id: number) => number,
  order: TieOrder,
  limit?: number,
): number[] {
  const { base, rankOf, idAt } = order;
  const keys = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    keys[i] = scoreOf(id) * base + (base - 1 - rankOf[id]!);
  }
  keys.sort();
  const count = limit && limit > 0 ? Math.min(limit, keys.length) : keys.length;
  const ranked: number[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const key = keys[keys.length - 1 - i]!;
    const score = Math.floor(key / base);
    ranked[i] = idAt[base - 1 - (key - score * base)]!;
  }
  return ranked;
}
