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
 * comparator sort; scores are integers, so the packing is exact and every key is distinct. With a
 * limit, only the best `limit` keys are selected and sorted: a one-letter query matches most of
 * the index, and sorting all of it for 50 hits would dominate the search. `buffer`, when given,
 * holds the keys (at least ids.length long).
 */
export function rankMatches(
  ids: ArrayLike<number>,
  scoreOf: (id: number) => number,
  order: TieOrder,
  limit?: number,
  buffer?: Float64Array,
): number[] {
  const { base, rankOf, idAt } = order;
  const keys = buffer ? buffer.subarray(0, ids.length) : new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    keys[i] = scoreOf(id) * base + (base - 1 - rankOf[id]!);
  }
  const count = limit && limit > 0 ? Math.min(limit, keys.length) : keys.length;
  const best = count < keys.length ? selectLargest(keys, count) : keys;
  best.sort();
  const ranked: number[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const key = best[best.length - 1 - i]!;
    const score = Math.floor(key / base);
    ranked[i] = idAt[base - 1 - (key - score * base)]!;
  }
  return ranked;
}

/**
 * The `count` largest of distinct `keys` (0 < count < length), in no order: quickselect
 * (Hoare partition, median-of-three pivot) moves them to the end of `keys`, then a view of that end.
 */
export function selectLargest(keys: Float64Array, count: number): Float64Array {
  const target = keys.length - count;
  let low = 0;
  let high = keys.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    // Median of three, so sorted or reversed input does not degrade to quadratic time.
    const [a, b, c] = [keys[low]!, keys[mid]!, keys[high]!];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = low;
    let j = high;
    while (i <= j) {
      while (keys[i]! < pivot) i++;
      while (keys[j]! > pivot) j--;
      if (i <= j) {
        const swap = keys[i]!;
        keys[i] = keys[j]!;
        keys[j] = swap;
        i++;
        j--;
      }
    }
    // Now keys[low..j] ≤ pivot ≤ keys[i..high], and keys between j and i equal the pivot.
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else break;
  }
  return keys.subarray(target);
}
