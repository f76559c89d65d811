// Typo tolerance on package names. fuse.js scores well but is slow over a whole index, so a
// bigram count filter (q-gram lemma: a name within k edits of the term shares at least
// n − 2k of its n bigrams) picks a bounded set of candidate names first, and fuse.js
// scores only those. Names are the distinct pnames and last attr segments: far fewer than packages.
import { createRequire } from 'node:module';
import type FuseType from 'fuse.js';
import { Tier } from './score.js';

// fuse.js costs tens of milliseconds to load and most searches never need a typo match, so it is
// loaded (synchronously, its CommonJS build) the first time one does: `nur search x` stays fast.
let fuse: typeof FuseType | undefined;
function loadFuse(): typeof FuseType {
  fuse ??= createRequire(import.meta.url)('fuse.js') as typeof FuseType;
  return fuse;
}

export interface TypoHit {
  /** Score in the fuzzy tier: higher for fewer edits. */
  score: number;
  /** The name that matched (a pname or last attr segment, in the matcher's letter case). */
  name: string;
  /** Matched character ranges in `name`, half-open. */
  ranges: Array<{ start: number; end: number }>;
}

const MIN_TERM = 4;
// Bitap (fuse.js) handles patterns up to 32 characters; longer words are not typed by hand.
const MAX_TERM = 32;
const MAX_CANDIDATES = 200;
const CACHE_SIZE = 16;

const allowedEdits = (length: number) => (length >= 8 ? 2 : 1);

export class TypoMatcher {
  private readonly names: string[] = [];
  private readonly packagesOfName: number[][] = [];
  private readonly postings = new Map<number, number[]>();
  private readonly counts: Uint16Array;
  private readonly cache = new Map<string, Map<number, TypoHit>>();

  /** `namesOfPackage[id]` are the names package `id` may be found by. */
  constructor(
    namesOfPackage: readonly string[][],
    private readonly caseSensitive: boolean,
  ) {
    const idOfName = new Map<string, number>();
    namesOfPackage.forEach((names, packageId) => {
      for (const name of new Set(names)) {
        if (!name) continue;
        let id = idOfName.get(name);
        if (id === undefined) {
          id = this.names.length;
          idOfName.set(name, id);
          this.names.push(name);
          this.packagesOfName.push([]);
          for (const gram of new Set(bigrams(name))) {
            const list = this.postings.get(gram);
            if (list) list.push(id);
            else this.postings.set(gram, [id]);
          }
        }
        this.packagesOfName[id]!.push(packageId);
      }
    });
    this.counts = new Uint16Array(this.names.length);
  }

  /** Packages whose name is within a few typos of `term`, keyed by package id. */
  match(term: string): Map<number, TypoHit> {
    const cached = this.cache.get(term);
    if (cached) return cached;
    const hits = new Map<number, TypoHit>();
    if (term.length >= MIN_TERM && term.length <= MAX_TERM) {
      const edits = allowedEdits(term.length);
      const threshold = (edits + 0.01) / term.length;
      for (const nameId of this.candidates(term, edits)) {
        const name = this.names[nameId]!;
        const result = loadFuse().match(term, name, {
          ignoreLocation: true,
          includeMatches: true,
          isCaseSensitive: this.caseSensitive,
          minMatchCharLength: 2,
          threshold,
        });
        if (!result.isMatch || result.score > threshold) continue;
        const score = Tier.fuzzyBase + Math.round(Tier.fuzzySpan * (1 - result.score / threshold));
        const ranges = (result.indices ?? []).map(([start, end]) => ({ start, end: end + 1 }));
        for (const packageId of this.packagesOfName[nameId]!) {
          const previous = hits.get(packageId);
          if (!previous || previous.score < score) hits.set(packageId, { score, name, ranges });
        }
      }
    }
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(term, hits);
    return hits;
  }

  /** Names sharing enough bigrams with `term`, best first, at most MAX_CANDIDATES. */
  private candidates(term: string, edits: number): number[] {
    const grams = [...new Set(bigrams(term))];
    const needed = Math.max(1, grams.length - 2 * edits);
    const touched: number[] = [];
    for (const gram of grams) {
      for (const nameId of this.postings.get(gram) ?? []) {
        if (this.counts[nameId] === 0) touched.push(nameId);
        this.counts[nameId]!++;
      }
    }
    // Bucket by shared count (at most 31) instead of sorting every touched name.
    const buckets: number[][] = Array.from({ length: grams.length + 1 }, () => []);
    for (const id of touched) {
      if (this.counts[id]! >= needed) buckets[this.counts[id]!]!.push(id);
      this.counts[id] = 0;
    }
    const distance = (id: number) => Math.abs(this.names[id]!.length - term.length);
    const chosen: number[] = [];
    for (let shared = grams.length; shared >= needed && chosen.length < MAX_CANDIDATES; shared--) {
      const bucket = buckets[shared]!;
      if (chosen.length + bucket.length > MAX_CANDIDATES)
        bucket.sort((a, b) => distance(a) - distance(b) || a - b);
      chosen.push(...bucket.slice(0, MAX_CANDIDATES - chosen.length));
    }
    return chosen;
  }
}

function bigrams(text: string): number[] {
  const grams: number[] = [];
  for (let i = 0; i + 1 < text.length; i++)
    grams.push(text.charCodeAt(i) * 65_536 + text.charCodeAt(i + 1));
  return grams;
}
