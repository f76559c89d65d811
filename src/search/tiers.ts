// Name tiers for many candidates at once. When a short word like `a` matches most of the index,
// testing each package's names one by one costs several substring calls per package; scanning
// joined name strings once per tier classifies every package in a few passes instead.
import type { PackageFields } from './fields.js';
import { Corpus } from './prefilter.js';
import { Tier, type PreparedTerm } from './score.js';

export class NameCorpora {
  private readonly names: Corpus;
  private readonly wordStarts: Corpus;

  constructor(fields: readonly PackageFields[], caseSensitive: boolean) {
    const view = caseSensitive ? 'original' : 'folded';
    this.names = Corpus.build(
      fields.map((f) => f[view].names),
      false,
    );
    this.wordStarts = Corpus.build(
      fields.map((f) => f[view].wordStarts),
      false,
    );
  }

  /**
   * The name tier of `term` for every package (0 where no name contains it), as scoreTerm would
   * give it. Not for dotted terms, whose ref-prefix rule needs the ref.
   */
  nameTiers(term: PreparedTerm, size: number): Uint8Array {
    const tiers = new Uint8Array(size);
    // Ascending tiers, each overwriting the last: a package ends with its best tier.
    this.names.forEachContaining(term.text, (id) => (tiers[id] = Tier.nameSubstring));
    this.wordStarts.forEachContaining(term.nameStart, (id) => (tiers[id] = Tier.nameWord));
    this.names.forEachContaining(term.nameStart, (id) => (tiers[id] = Tier.namePrefix));
    this.names.forEachContaining(term.wholeName, (id) => (tiers[id] = Tier.exactName));
    return tiers;
  }
}

/** Terms whose tier nameTiers can tell: plain and 'exact words without a dot, not negated. */
export const scansNames = (term: PreparedTerm) =>
  !term.negated && !term.dotted && (term.kind === 'fuzzy' || term.kind === 'exact');
