// Candidate filtering: which packages contain a term at all, found without testing each package.
//
// Calling String#includes once per package is slow for words like `exporter`: V8 sets up a
// Boyer-Moore search for every call (measured ~0.3 µs each, 30 ms at 84k packages). Searching one
// string that joins every package's haystack pays that set-up once and skips ahead sublinearly;
// after a hit the scan jumps to the next package, so each package is reported once.

const SEPARATOR = '\u0000';

export class Corpus {
  private readonly text: string;
  /** Offset where each package's haystack starts in `text`. */
  private readonly starts: Uint32Array;

  private constructor(text: string, starts: Uint32Array) {
    this.text = text;
    this.starts = starts;
  }

  /** Joins the haystacks; `fold` lower-cases them with one call on the joined text. */
  static build(haystacks: readonly string[], fold: boolean): Corpus {
    const starts = new Uint32Array(haystacks.length);
    let offset = 0;
    haystacks.forEach((haystack, id) => {
      starts[id] = offset;
      offset += haystack.length + SEPARATOR.length;
    });
    const joined = haystacks.join(SEPARATOR);
    if (!fold) return new Corpus(joined, starts);
    const folded = joined.toLowerCase();
    // A few characters change length when lower-cased (`İ`); offsets then need per-package folding.
    if (folded.length === joined.length) return new Corpus(folded, starts);
    return Corpus.build(
      haystacks.map((h) => h.toLowerCase()),
      false,
    );
  }

  /** Whether any package's haystack contains `needle`. */
  contains(needle: string): boolean {
    return Boolean(needle) && !needle.includes(SEPARATOR) && this.text.includes(needle);
  }

  /** Ids, ascending, of the packages whose haystack contains `needle`. */
  idsContaining(needle: string): number[] {
    const ids: number[] = [];
    this.forEachContaining(needle, (id) => ids.push(id));
    return ids;
  }

  /** Calls `visit` with each id, ascending, whose haystack contains `needle`. */
  forEachContaining(needle: string, visit: (id: number) => void): void {
    if (!needle || needle.includes(SEPARATOR)) return;
    const { text, starts } = this;
    let id = 0;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, starts[id]!)) {
      id = this.idAt(at, id);
      visit(id);
      if (++id >= starts.length) return;
    }
  }

  /**
   * The package whose haystack covers offset `at`: the last start ≤ at, searched from `from`
   * (hits come in order). Gallops first, so dense hits cost a step or two and sparse ones log n.
   */
  private idAt(at: number, from: number): number {
    const { starts } = this;
    let low = from;
    let step = 1;
    let high = from + step;
    while (high < starts.length && starts[high]! <= at) {
      low = high;
      step *= 2;
      high = low + step;
    }
    high = Math.min(high, starts.length) - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (starts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

/** Marks ids in a reusable byte array, for fast intersections and unions of id lists. */
export class IdMarks {
  private readonly marks: Uint8Array;

  constructor(size: number) {
    this.marks = new Uint8Array(size);
  }

  /** The ids of `list` that are in any of `sets`, in `list` order. */
  keepMarked(list: ArrayLike<number>, sets: ReadonlyArray<ArrayLike<number>>): number[] {
    const marks = this.marks;
    for (const set of sets) for (let i = 0; i < set.length; i++) marks[set[i]!] = 1;
    const kept: number[] = [];
    for (let i = 0; i < list.length; i++) if (marks[list[i]!] === 1) kept.push(list[i]!);
    for (const set of sets) for (let i = 0; i < set.length; i++) marks[set[i]!] = 0;
    return kept;
  }

  /** Every id of the sets, each once. */
  union(sets: ReadonlyArray<ArrayLike<number>>): number[] {
    const marks = this.marks;
    const ids: number[] = [];
    for (const set of sets) {
      for (let i = 0; i < set.length; i++) {
        const id = set[i]!;
        if (marks[id] === 0) {
          marks[id] = 1;
          ids.push(id);
        }
      }
    }
    for (const id of ids) marks[id] = 0;
    return ids;
  }
}
