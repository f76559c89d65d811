// Name tiers for many candidates at once. When a short word like `li` matches much of the index,
// testing each package's names one by one costs several substring calls per package on strings
// scattered over the heap. Instead every package's names are joined into one string, the word is
// found everywhere in it with one indexOf pass, and each occurrence is classified on the spot: at
// a name start (␁ before it), a whole name (␂ after it too), at a word start (a flag per
// character, computed once), or inside a name.
import type { Package } from '../model.js';
import { isWordStart, NAME_END, NAME_START } from './fields.js';
import { Tier, type PreparedTerm } from './score.js';

const SEPARATOR = '\u0000';
const START_CODE = NAME_START.charCodeAt(0);
const END_CODE = NAME_END.charCodeAt(0);

export class NameCorpora {
  /** Every package's `names` (see fields.ts), joined by SEPARATOR. */
  private readonly text: string;
  /** Offset where each package's names start in `text`. */
  private readonly starts: Uint32Array;
  /** 1 where a character of `text` starts a word of attr or pname, as `wordStarts` holds them. */
  private readonly wordStarts: Uint8Array;

  /** The names as fields.ts builds them for the folded view, or for the original case. */
  constructor(packages: readonly Package[], caseSensitive: boolean) {
    const fold = caseSensitive ? (s: string) => s : (s: string) => s.toLowerCase();
    const parts: string[] = [];
    const starts = new Uint32Array(packages.length);
    const wordStartsAt: number[] = [];
    let offset = 0;
    packages.forEach((pkg, id) => {
      const attr = fold(pkg.attr);
      const pname = fold(pkg.pname);
      const lastSegment = attr.slice(attr.lastIndexOf('.') + 1);
      // As wordStartsOf: word starts on the original case unless folding changed the length.
      const attrCase = attr.length === pkg.attr.length ? pkg.attr : attr;
      const pnameCase = pname.length === pkg.pname.length ? pkg.pname : pname;
      starts[id] = offset;
      // ␁attr␂␁lastSegment␂␁pname␂. lastSegment's occurrences are also attr's (it ends attr),
      // so attr's flags alone find every word start.
      for (let i = 0; i < attr.length; i++)
        if (isWordStart(attrCase, i)) wordStartsAt.push(offset + 1 + i);
      const pnameAt = offset + attr.length + lastSegment.length + 5;
      for (let i = 0; i < pname.length; i++)
        if (isWordStart(pnameCase, i)) wordStartsAt.push(pnameAt + i);
      const names = NAME_START + attr + NAME_END + NAME_START + lastSegment + NAME_END;
      parts.push(names + NAME_START + pname + NAME_END);
      offset += names.length + pname.length + 2 + SEPARATOR.length;
    });
    this.text = parts.join(SEPARATOR);
    this.starts = starts;
    this.wordStarts = new Uint8Array(this.text.length);
    for (const at of wordStartsAt) this.wordStarts[at] = 1;
  }

  /**
   * The name tier of `term` for every package (0 where no name contains it), as scoreTerm would
   * give it, written into `tiers` (one zero per package). Not for dotted terms, whose
   * ref-prefix rule needs the ref.
   */
  nameTiers(term: PreparedTerm, tiers: Uint8Array): Uint8Array {
    const { text, starts, wordStarts } = this;
    const needle = term.text;
    if (!needle || needle.includes(SEPARATOR)) return tiers;
    let id = 0;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      while (id + 1 < starts.length && starts[id + 1]! <= at) id++;
      let tier: number = Tier.nameSubstring;
      if (text.charCodeAt(at - 1) === START_CODE)
        tier = text.charCodeAt(at + needle.length) === END_CODE ? Tier.exactName : Tier.namePrefix;
      else if (wordStarts[at] === 1) tier = Tier.nameWord;
      if (tiers[id]! < tier) tiers[id] = tier;
    }
    return tiers;
  }
}

/** Terms whose tier nameTiers can tell: plain and 'exact words without a dot, not negated. */
export const scansNames = (term: PreparedTerm) =>
  !term.negated && !term.dotted && (term.kind === 'fuzzy' || term.kind === 'exact');
