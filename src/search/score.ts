// How well one query term matches one package, in tiers a user expects: the package named exactly
// that first, then names starting with it, then a word inside a name, then anywhere in a name,
// then the repo, then the description. A package's score is the sum over its terms.
import type { Term } from './query.js';
import {
  indexOfWordStart,
  NAME_END,
  NAME_START,
  type FieldView,
  type PackageFields,
} from './fields.js';

export const Tier = {
  exactName: 100,
  namePrefix: 80,
  nameWord: 60,
  nameSubstring: 50,
  repoExact: 45,
  repoPrefix: 40,
  refSubstring: 35,
  descriptionWord: 30,
  descriptionSubstring: 20,
  /** Typo matches on names score fuzzyBase..fuzzyBase+fuzzySpan by fuse.js closeness. */
  fuzzyBase: 10,
  fuzzySpan: 18,
} as const;

export const NO_MATCH = -1;

/** A term with the needles its tests use, built once per query instead of once per package. */
export interface PreparedTerm extends Term {
  /** `␁text␂`: a whole attr, last attr segment or pname. */
  wholeName: string;
  /** `␁text`: the start of a name (in `names`) or of a word (in `wordStarts`). */
  nameStart: string;
  /** The text has a dot, so `mic92.goat` can be a ref prefix reaching into the attr. */
  dotted: boolean;
}

export function prepareTerm(term: Term): PreparedTerm {
  return {
    ...term,
    wholeName: NAME_START + term.text + NAME_END,
    nameStart: NAME_START + term.text,
    dotted: term.text.includes('.'),
  };
}

const isName = (v: FieldView, t: PreparedTerm) => v.names.includes(t.wholeName) || v.ref === t.text;

const startsName = (v: FieldView, t: PreparedTerm) =>
  v.names.includes(t.nameStart) ||
  // `mic92.goat`: a ref prefix reaching into the attr is a name prefix, not a repo match.
  (t.dotted && t.text.length > v.repo.length + 1 && v.ref.startsWith(t.text));

const endsName = (v: FieldView, t: PreparedTerm) =>
  v.names.includes(t.text + NAME_END) || v.ref.endsWith(t.text);

/**
 * Tier of a substring-style term (plain words and `'exact`); NO_MATCH when not contained.
 * `contained` skips the haystack test when the prefilter already proved it.
 */
function substringTier(
  f: PackageFields,
  v: FieldView,
  t: PreparedTerm,
  contained: boolean,
): number {
  const text = t.text;
  if (!contained && !v.haystack.includes(text)) return NO_MATCH;
  if (isName(v, t)) return Tier.exactName;
  if (startsName(v, t)) return Tier.namePrefix;
  if (v.wordStarts.includes(t.nameStart)) return Tier.nameWord;
  if (v.names.includes(text)) return Tier.nameSubstring;
  return tierOutsideNames(f, v, t);
}

/** The tiers after the name tiers: repo, ref, description. */
function tierOutsideNames(f: PackageFields, v: FieldView, t: PreparedTerm): number {
  const text = t.text;
  if (v.repo === text) return Tier.repoExact;
  if (v.repo.startsWith(text)) return Tier.repoPrefix;
  if (v.ref.includes(text)) return Tier.refSubstring;
  if (indexOfWordStart(v.description, f.original.description, text) >= 0)
    return Tier.descriptionWord;
  if (v.description.includes(text)) return Tier.descriptionSubstring;
  return NO_MATCH;
}

/**
 * scoreTerm for a term nameTiers scans (see tiers.ts) where it found the text in no name:
 * the four name tests would fail, so only the ref and the later tiers are left to test.
 */
export function scoreOutsideNames(
  f: PackageFields,
  term: PreparedTerm,
  caseSensitive: boolean,
  contained = false,
): number {
  const v = caseSensitive ? f.original : f.folded;
  if (!contained && !v.haystack.includes(term.text)) return NO_MATCH;
  if (v.ref === term.text) return Tier.exactName;
  return tierOutsideNames(f, v, term);
}

/** Whether the term's text occurs the way its kind asks, ignoring ranking (for `!` terms). */
function occurs(v: FieldView, term: PreparedTerm): boolean {
  switch (term.kind) {
    case 'prefix':
      return startsName(v, term) || v.ref.startsWith(term.text);
    case 'suffix':
      return endsName(v, term);
    case 'equal':
      return isName(v, term);
    default:
      return v.haystack.includes(term.text);
  }
}

/**
 * Score of one term against one package, or NO_MATCH. Fuzzy terms that do not occur literally
 * return NO_MATCH here; the engine then asks the typo matcher.
 */
export function scoreTerm(
  f: PackageFields,
  term: PreparedTerm,
  caseSensitive: boolean,
  contained = false,
): number {
  const v = caseSensitive ? f.original : f.folded;
  if (term.negated) return occurs(v, term) ? NO_MATCH : 0;
  switch (term.kind) {
    case 'prefix':
      return isName(v, term)
        ? Tier.exactName
        : startsName(v, term) || v.ref.startsWith(term.text)
          ? Tier.namePrefix
          : NO_MATCH;
    case 'suffix':
      return isName(v, term) ? Tier.exactName : endsName(v, term) ? Tier.nameWord : NO_MATCH;
    case 'equal':
      return isName(v, term) ? Tier.exactName : NO_MATCH;
    default:
      return substringTier(f, v, term, contained);
  }
}

/**
 * `license:` filter: an SPDX id, nixpkgs short name or full name starting with the value (so
 * `gpl` finds GPL-2.0 and gpl3Plus but not LGPL or AGPL, and `free` not `unfree`); `unfree` also
 * takes every package the index marks unfree.
 */
export function matchesLicense(f: PackageFields, value: string): boolean {
  if (value === 'unfree' && f.pkg.unfree) return true;
  return (
    f.licenseIds.some((id) => id.startsWith(value)) ||
    f.licenseNames.some((name) => name.startsWith(value))
  );
}
