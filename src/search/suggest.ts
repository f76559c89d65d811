// "Did you mean …?" for a REF that names nothing: the closest package refs and repo names, by
// prefix, substring and a bounded Damerau-Levenshtein distance (fast enough for 10× the index).

export interface SuggestCandidates {
  /** Package refs, `mic92.goatcounter`. */
  refs: readonly string[];
  repoNames: readonly string[];
}

export interface Suggestion {
  value: string;
  kind: 'package' | 'repo';
  /** Lower is closer: 0 same name, 0.5 prefix, 1–3 edits, 1.5 substring. */
  cost: number;
}

const PREFIX_COST = 0.5;
const SUBSTRING_COST = 1.5;

/** Edits tolerated for a query of this length: short queries allow fewer. */
export function maxEdits(length: number): number {
  return length <= 3 ? 1 : length <= 6 ? 2 : 3;
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions), computed
 * only in a band of width `max` around the diagonal; returns `max + 1` once it must exceed `max`.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0 || m === 0) return Math.max(n, m);
  if (rowA.length <= m) {
    rowA = new Int32Array(m + 1);
    rowB = new Int32Array(m + 1);
    rowC = new Int32Array(m + 1);
  }
  const over = max + 1;
  let twoBack = rowA;
  let previous = rowB;
  let current = rowC;
  for (let j = 0; j <= m; j++) previous[j] = j <= max ? j : over;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(m, i + max);
    current[0] = i <= max ? i : over;
    if (from > 1) current[from - 1] = over;
    let rowMin = current[0]!;
    const ai = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const bj = b.charCodeAt(j - 1);
      const substitution = previous[j - 1]! + (ai === bj ? 0 : 1);
      let cost = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        cost = Math.min(cost, twoBack[j - 2]! + 1);
      current[j] = cost > over ? over : cost;
      if (cost < rowMin) rowMin = cost;
    }
    if (to < m) current[to + 1] = over;
    if (rowMin > max) return over;
    const recycled = twoBack;
    twoBack = previous;
    previous = current;
    current = recycled;
  }
  const distance = previous[m]!;
  return distance > max ? over : distance;
}

/** The cost of `candidate` for `query` (both lowercase), or undefined when it is not close. */
function closeness(
  query: string,
  candidate: string,
  max: number,
  bound: number,
): number | undefined {
  if (candidate === query) return 0;
  if (candidate.startsWith(query)) return PREFIX_COST;
  const distance = bound > max ? bound : boundedEditDistance(query, candidate, max);
  if (distance <= max) return distance;
  if (query.length >= 3 && candidate.includes(query)) return SUBSTRING_COST;
  return undefined;
}

function better(a: Suggestion, b: Suggestion): boolean {
  if (a.cost !== b.cost) return a.cost < b.cost;
  if (a.value.length !== b.value.length) return a.value.length < b.value.length;
  return a.value < b.value;
}

interface Prepared {
  refs: string[];
  /** The attr part of each lowercase ref (after the repo name). */
  attrs: string[];
  repoNames: string[];
  refMasks: Int32Array;
  attrMasks: Int32Array;
  repoMasks: Int32Array;
}

/** Which of 32 character classes (a–z, digits, four others) occur in `text`. */
function charMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const bucket = c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? 26 : 27 + (c % 5);
    mask |= 1 << bucket;
  }
  return mask;
}

function popCount(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * A lower bound on the edits between two strings from their character classes: every class one
 * has and the other lacks needs an edit, and one substitution can fix one on each side at most.
 */
function maskBound(a: number, b: number): number {
  return Math.max(popCount(a & ~b), popCount(b & ~a));
}

// Lowercasing 80k refs costs more than comparing them; do it once per candidate list.
const preparedLists = new WeakMap<SuggestCandidates, Prepared>();

function prepare(candidates: SuggestCandidates): Prepared {
  let prepared = preparedLists.get(candidates);
  if (!prepared) {
    const refs = candidates.refs.map((r) => r.toLowerCase());
    const attrs = refs.map((r) => r.slice(r.indexOf('.') + 1));
    const repoNames = candidates.repoNames.map((r) => r.toLowerCase());
    prepared = {
      refs,
      attrs,
      repoNames,
      refMasks: Int32Array.from(refs, charMask),
      attrMasks: Int32Array.from(attrs, charMask),
      repoMasks: Int32Array.from(repoNames, charMask),
    };
    preparedLists.set(candidates, prepared);
  }
  return prepared;
}

/**
 * Up to `limit` closest names for `query` (a REF without `nur.repos.`), best first. A query with a
 * dot is compared with whole refs; one without with each package's attr and each repo name.
 */
export function suggest(query: string, candidates: SuggestCandidates, limit = 3): Suggestion[] {
  const wanted = query.trim().toLowerCase();
  if (!wanted || limit <= 0) return [];
  const max = maxEdits(wanted.length);
  const dotted = wanted.includes('.');
  const { refs, attrs, repoNames, refMasks, attrMasks, repoMasks } = prepare(candidates);
  const queryMask = charMask(wanted);
  const best: Suggestion[] = [];
  const offer = (value: string, kind: Suggestion['kind'], cost: number | undefined) => {
    if (cost === undefined) return;
    const suggestion: Suggestion = { value, kind, cost };
    if (best.length === limit && !better(suggestion, best[limit - 1]!)) return;
    let at = best.length;
    while (at > 0 && better(suggestion, best[at - 1]!)) at--;
    best.splice(at, 0, suggestion);
    if (best.length > limit) best.pop();
  };

  // A dotless query is a package or repo name: whole refs (repo.attr) would only add the repo
  // prefix, which the repo names cover.
  const compared = dotted ? refs : attrs;
  const masks = dotted ? refMasks : attrMasks;
  for (let i = 0; i < compared.length; i++) {
    const cost = closeness(wanted, compared[i]!, max, maskBound(queryMask, masks[i]!));
    offer(candidates.refs[i]!, 'package', cost);
  }
  if (!dotted)
    for (let i = 0; i < repoNames.length; i++) {
      const cost = closeness(wanted, repoNames[i]!, max, maskBound(queryMask, repoMasks[i]!));
      offer(candidates.repoNames[i]!, 'repo', cost);
    }
  return best;
}
