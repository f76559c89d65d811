// Tiers of one-letter words, precomputed. A query of one letter (`a`, or the first key typed in
// the TUI) matches most of the index, and scoring it package by package costs several substring
// tests each on strings scattered over the heap. Every package's tier for each letter a–z fits in
// 26 bytes, so the whole score of such a word becomes one array read.
import type { Package } from '../model.js';
import { isWordStart } from './fields.js';
import { NO_MATCH, Tier } from './score.js';

const LETTERS = 26;
const A = 97;

/** Index 0–25 of a one-letter term a–z (folded), or -1 for anything else. */
export function letterOf(text: string): number {
  if (text.length !== 1) return -1;
  const index = text.charCodeAt(0) - A;
  return index >= 0 && index < LETTERS ? index : -1;
}

export class LetterTiers {
  /** Tier of letter `l` for package `id` at `id * 26 + l`; 0 where the package lacks it. */
  private readonly tiers: Uint8Array;

  /**
   * Case-insensitive tiers only. Built from the packages themselves, not their PackageFields:
   * building those for a whole index would cost a one-shot `nur search a` more than it saves.
   */
  constructor(packages: readonly Package[]) {
    this.tiers = new Uint8Array(packages.length * LETTERS);
    packages.forEach((pkg, id) => this.fill(pkg, id * LETTERS));
  }

  /** What scoreTerm gives a positive plain or 'exact one-letter term: its tier or NO_MATCH. */
  tier(id: number, letter: number): number {
    return this.tiers[id * LETTERS + letter]! || NO_MATCH;
  }

  /**
   * substringTier's tests on the folded view (see fields.ts) for every letter at once: each letter
   * keeps the best tier that applies, which is the first test passing there (best to worst).
   */
  private fill(pkg: Package, at: number): void {
    const tiers = this.tiers;
    const ref = pkg.ref.toLowerCase();
    const attr = pkg.attr.toLowerCase();
    const pname = pkg.pname.toLowerCase();
    const repo = pkg.repo.toLowerCase();
    const description = pkg.description.toLowerCase();
    const lastSegment = attr.slice(attr.lastIndexOf('.') + 1);
    // As indexOfWordStart: folded letters at word starts of the original description.
    const inDescription = markText(
      tiers,
      at,
      description,
      pkg.description,
      Tier.descriptionSubstring,
      Tier.descriptionWord,
    );
    const inRef = markText(tiers, at, ref, ref, Tier.refSubstring, Tier.refSubstring);
    mark(tiers, at, repo.charCodeAt(0), Tier.repoPrefix);
    if (repo.length === 1) mark(tiers, at, repo.charCodeAt(0), Tier.repoExact);
    // `names` is ␁attr␂␁lastSegment␂␁pname␂ (lastSegment's letters are attr's); `wordStarts`
    // has attr's and pname's word starts, on the original case unless folding changed the length.
    const attrCase = attr.length === pkg.attr.length ? pkg.attr : attr;
    const pnameCase = pname.length === pkg.pname.length ? pkg.pname : pname;
    markText(tiers, at, attr, attrCase, Tier.nameSubstring, Tier.nameWord);
    const inPname = markText(tiers, at, pname, pnameCase, Tier.nameSubstring, Tier.nameWord);
    for (const name of [attr, lastSegment, pname]) {
      mark(tiers, at, name.charCodeAt(0), Tier.namePrefix);
      if (name.length === 1) mark(tiers, at, name.charCodeAt(0), Tier.exactName);
    }
    if (ref.length === 1) mark(tiers, at, ref.charCodeAt(0), Tier.exactName);
    // substringTier first rejects what the haystack (ref, pname, description) lacks.
    const inHaystack = inRef | inPname | inDescription;
    for (let letter = 0; letter < LETTERS; letter++)
      if (!(inHaystack & (1 << letter))) tiers[at + letter] = 0;
  }
}

/** Raises the tier of letter `code` (ignored unless a–z) to at least `tier`. */
function mark(tiers: Uint8Array, at: number, code: number, tier: number): void {
  const letter = code - A;
  if (letter >= 0 && letter < LETTERS && tiers[at + letter]! < tier) tiers[at + letter] = tier;
}

/**
 * Marks each letter of `folded` with `tier`, or `wordTier` where `wordCase` has a word start
 * (see isWordStart), in one pass; returns the letters found as a bit mask.
 */
function markText(
  tiers: Uint8Array,
  at: number,
  folded: string,
  wordCase: string,
  tier: number,
  wordTier: number,
): number {
  let letters = 0;
  for (let i = 0; i < folded.length; i++) {
    const letter = folded.charCodeAt(i) - A;
    if (letter < 0 || letter >= LETTERS) continue;
    letters |= 1 << letter;
    const best = wordTier !== tier && isWordStart(wordCase, i) ? wordTier : tier;
    if (tiers[at + letter]! < best) tiers[at + letter] = best;
  }
  return letters;
}
