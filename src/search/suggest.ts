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
export function boundedEditDistance(a: string, b: string, max: number, bFrom = 0): number {
  // `bFrom` compares `a` with b.slice(bFrom) without making that copy.
  const n = a.length;
  const m = b.length - bFrom;
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
      const bj = b.charCodeAt(bFrom + j - 1);
      const substitution = previous[j - 1]! + (ai === bj ? 0 : 1);
      let cost = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
      if (i > 1 && j > 1 && ai === b.charCodeAt(bFrom + j - 2) && a.charCodeAt(i - 2) === bj)
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

/**
 * The cost of `candidate` from index `from` on for `query` (both lowercase), or undefined when it
 * is not close. `bound` is a known lower bound on their edit distance.
 */
function closeness(
  query: string,
  candidate: string,
  from: number,
  max: number,
  bound: number,
): number | undefined {
  if (candidate.startsWith(query, from))
    return candidate.length - from === query.length ? 0 : PREFIX_COST;
  const distance = bound > max ? bound : boundedEditDistance(query, candidate, max, from);
  if (distance <= max) return distance;
  if (query.length >= 3 && candidate.indexOf(query, from) >= 0) return SUBSTRING_COST;
  return undefined;
}

function better(a: Suggestion, b: Suggestion): boolean {
  if (a.cost !== b.cost) return a.cost < b.cost;
  if (a.value.length !== b.value.length) return a.value.length < b.value.length;
  return a.value < b.value;
}

// Set by charMask: whether the text it just scanned has capitals (which then need lowercasing).
let sawCapital = false;

/**
 * Which of 32 character classes (a–z either case, digits, four others) occur in `text` from
 * `from` on. Case-folded so no lowercase copy of a candidate is made before it looks close.
 */
function charMask(text: string, from = 0): number {
  let mask = 0;
  sawCapital = false;
  for (let i = from; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      c += 32;
      sawCapital = true;
    }
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

interface CandidateMasks {
  /** Character classes of each ref's attr (after the repo name) and of each whole ref. */
  attrs: Int32Array;
  refs: Int32Array;
  repoNames: Int32Array;
  /** Refs and repo names with capitals: only these are lowercased before comparing. */
  refHasUpper: Uint8Array;
  repoHasUpper: Uint8Array;
}

// Computing the classes is the one pass over every candidate; keep it for later queries (the TUI
// asks per keystroke) while making no lowercase copies until a candidate looks close.
const masksByCandidates = new WeakMap<SuggestCandidates, CandidateMasks>();

function masksOf(candidates: SuggestCandidates): CandidateMasks {
  let masks = masksByCandidates.get(candidates);
  if (!masks) {
    const { refs, repoNames } = candidates;
    masks = {
      attrs: new Int32Array(refs.length),
      refs: new Int32Array(refs.length),
      repoNames: new Int32Array(repoNames.length),
      refHasUpper: new Uint8Array(refs.length),
      repoHasUpper: new Uint8Array(repoNames.length),
    };
    for (let i = 0; i < refs.length; i++) {
      const ref = refs[i]!;
      const dot = ref.indexOf('.');
      const attrMask = charMask(ref, dot + 1);
      const attrCapital = sawCapital;
      masks.attrs[i] = attrMask;
      masks.refs[i] = attrMask | charMask(ref.slice(0, Math.max(0, dot + 1)));
      masks.refHasUpper[i] = attrCapital || sawCapital ? 1 : 0;
    }
    for (let i = 0; i < repoNames.length; i++) {
      masks.repoNames[i] = charMask(repoNames[i]!);
      masks.repoHasUpper[i] = sawCapital ? 1 : 0;
    }
    masksByCandidates.set(candidates, masks);
  }
  return masks;
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
  const queryMask = charMask(wanted);
  const masks = masksOf(candidates);
  const consider = (
    value: string,
    from: number,
    mask: number,
    hasUpper: number,
    kind: Suggestion['kind'],
  ) => {
    const missing = popCount(queryMask & ~mask);
    // Exact, prefix and substring matches contain every class of the query; anything else must be
    // within `max` edits, which the class bound rules out for most candidates without any copy.
    if (missing > 0 && Math.max(missing, popCount(mask & ~queryMask)) > max) return;
    const bound = maskBound(queryMask, mask);
    const cost = hasUpper
      ? closeness(wanted, value.slice(from).toLowerCase(), 0, max, bound)
      : closeness(wanted, value, from, max, bound);
    offer(value, kind, cost);
  };

  // A dotless query is a package or repo name: whole refs (repo.attr) would only add the repo
  // prefix, which the repo names cover.
  const { refs, repoNames } = candidates;
  for (let i = 0; i < refs.length; i++) {
    const ref = refs[i]!;
    const upper = masks.refHasUpper[i]!;
    if (dotted) consider(ref, 0, masks.refs[i]!, upper, 'package');
    else consider(ref, ref.indexOf('.') + 1, masks.attrs[i]!, upper, 'package');
  }
  if (!dotted)
    for (let i = 0; i < repoNames.length; i++)
      consider(repoNames[i]!, 0, masks.repoNames[i]!, masks.repoHasUpper[i]!, 'repo');
  return best;
}
