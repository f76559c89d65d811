// Tiers of one-letter words, precomputed. A query of one letter (`a`, or the first key typed in
// the TUI) matches most of the index, and scoring it package by package costs several substring
// tests each on strings scattered over the heap. Every package's tier for each letter a–z fits in
// 26 bytes, so the whole score of such a word becomes one array read.
import { isWordStart, NAME_END, NAME_START, type PackageFields } from './fields.js';
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

  /** From the folded views: these tiers answer case-insensitive queries only. */
  constructor(fields: readonly PackageFields[]) {
    this.tiers = new Uint8Array(fields.length * LETTERS);
    fields.forEach((f, id) => this.fill(f, id * LETTERS));
  }

  /** What scoreTerm gives a positive plain or 'exact one-letter term: its tier or NO_MATCH. */
  tier(id: number, letter: number): number {
    return this.tiers[id * LETTERS + letter]! || NO_MATCH;
  }

  /**
   * The tests of substringTier for every letter at once: each letter keeps the best tier that
   * applies, which is substringTier's first passing test (its tests go from best to worst).
   */
  private fill(f: PackageFields, at: number): void {
    const v = f.folded;
    const tiers = this.tiers;
    const mark = (code: number, tier: number) => {
      const letter = code - A;
      if (letter >= 0 && letter < LETTERS && tiers[at + letter]! < tier) tiers[at + letter] = tier;
    };
    const markAll = (text: string, tier: number) => {
      for (let i = 0; i < text.length; i++) mark(text.charCodeAt(i), tier);
    };
    /** Letters right after a name-start marker, and those forming a whole one-letter name. */
    const markNameStarts = (text: string, tier: number, wholeTier?: number) => {
      for (let i = text.indexOf(NAME_START); i >= 0; i = text.indexOf(NAME_START, i + 1)) {
        mark(text.charCodeAt(i + 1), tier);
        if (wholeTier && text[i + 2] === NAME_END) mark(text.charCodeAt(i + 1), wholeTier);
      }
    };
    markAll(v.description, Tier.descriptionSubstring);
    // As indexOfWordStart: a folded letter at a word start of the original description.
    for (let i = 0; i < v.description.length; i++)
      if (isWordStart(f.original.description, i))
        mark(v.description.charCodeAt(i), Tier.descriptionWord);
    markAll(v.ref, Tier.refSubstring);
    mark(v.repo.charCodeAt(0), Tier.repoPrefix);
    if (v.repo.length === 1) mark(v.repo.charCodeAt(0), Tier.repoExact);
    markAll(v.names, Tier.nameSubstring);
    markNameStarts(v.wordStarts, Tier.nameWord);
    markNameStarts(v.names, Tier.namePrefix, Tier.exactName);
    if (v.ref.length === 1) mark(v.ref.charCodeAt(0), Tier.exactName);
    // substringTier rejects first what the haystack lacks, whatever the fields hold.
    let inHaystack = 0;
    for (let i = 0; i < v.haystack.length; i++) {
      const letter = v.haystack.charCodeAt(i) - A;
      if (letter >= 0 && letter < LETTERS) inHaystack |= 1 << letter;
    }
    for (let letter = 0; letter < LETTERS; letter++)
      if (!(inHaystack & (1 << letter))) tiers[at + letter] = 0;
  }
}
