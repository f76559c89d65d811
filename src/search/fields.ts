// What the engine matches against, computed once per index so a keystroke does no string folding.
import type { Package } from '../model.js';

/** The searchable texts of one package, in one letter case. */
export interface FieldView {
  ref: string;
  attr: string;
  /** Last segment of a nested attr (`linuxKernel.packages.x` → `x`); the attr itself otherwise. */
  lastSegment: string;
  pname: string;
  repo: string;
  description: string;
  /** ref, pname and description joined by newlines: one substring test rejects most packages. */
  haystack: string;
  /** `␁attr␂␁lastSegment␂␁pname␂`: exact and prefix tests become one substring test each. */
  names: string;
  /** `␁` + the rest of attr and pname from each word start: one test for a word-start match. */
  wordStarts: string;
}

/** Markers around names in `names` and `wordStarts`; parseQuery strips them from queries. */
export const NAME_START = '\u0001';
export const NAME_END = '\u0002';

export interface PackageFields {
  pkg: Package;
  original: FieldView;
  folded: FieldView;
  /** Licence ids and short names, lower case. */
  licenseIds: string[];
  /** Licence full names, lower case. */
  licenseNames: string[];
  /** Subtracted from the score: broken or unavailable packages sort below healthy equals. */
  penalty: number;
}

export const BROKEN_PENALTY = 8;

function wordStartsOf(original: string, folded: string): string {
  let out = '';
  for (let at = 0; at < original.length; at++) {
    if (isWordStart(original, at)) out += NAME_START + folded.slice(at);
  }
  return out;
}

function view(pkg: Package, fold: (s: string) => string): FieldView {
  const ref = fold(pkg.ref);
  const attr = fold(pkg.attr);
  const pname = fold(pkg.pname);
  const description = fold(pkg.description);
  const lastSegment = attr.slice(attr.lastIndexOf('.') + 1);
  // Folding can change a string's length (rare non-ASCII); word starts are then taken on the fold.
  const attrCase = attr.length === pkg.attr.length ? pkg.attr : attr;
  const pnameCase = pname.length === pkg.pname.length ? pkg.pname : pname;
  return {
    ref,
    attr,
    lastSegment,
    pname,
    repo: fold(pkg.repo),
    description,
    haystack: `${ref}\n${pname}\n${description}`,
    names: [attr, lastSegment, pname].map((n) => NAME_START + n + NAME_END).join(''),
    wordStarts: wordStartsOf(attrCase, attr) + wordStartsOf(pnameCase, pname),
  };
}

const lower = (s: string) => s.toLowerCase();
const same = (s: string) => s;

function licenseTexts(pkg: Package, fullNames: boolean): string[] {
  const texts: string[] = [];
  for (const license of pkg.licenses) {
    const candidates = fullNames ? [license.fullName] : [license.spdxId, license.shortName];
    for (const text of candidates) if (text) texts.push(text.toLowerCase());
  }
  return texts;
}

export const penaltyOf = (pkg: Package) => (pkg.broken || !pkg.available ? BROKEN_PENALTY : 0);

export function packageFields(pkg: Package): PackageFields {
  return {
    pkg,
    original: view(pkg, same),
    folded: view(pkg, lower),
    licenseIds: licenseTexts(pkg, false),
    licenseNames: licenseTexts(pkg, true),
    penalty: penaltyOf(pkg),
  };
}

const isLower = (c: number) => c >= 97 && c <= 122;
const isUpper = (c: number) => c >= 65 && c <= 90;
const isDigit = (c: number) => c >= 48 && c <= 57;

/** Whether position `at` of `text` starts a word: after a separator, or a camelCase hump. */
export function isWordStart(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text.charCodeAt(at - 1);
  const here = text.charCodeAt(at);
  if (!isLower(before) && !isUpper(before) && !isDigit(before)) return true;
  if (isLower(before) && isUpper(here)) return true;
  return isDigit(before) !== isDigit(here);
}

/** First index of `needle` in `folded` that starts a word in `original` (same length), or -1. */
export function indexOfWordStart(folded: string, original: string, needle: string): number {
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
    if (isWordStart(original, at)) return at;
  }
  return -1;
}
