// Where each term matched, as character ranges in the ref and description, for highlighting.
// Computed only for the hits actually returned.
import type { MatchRange } from '../model.js';
import { indexOfWordStart, isWordStart, type PackageFields } from './fields.js';
import type { Term } from './query.js';
import type { TypoHit } from './typo.js';

/** Sorted, non-overlapping ranges covering the same characters. */
export function mergeRanges(ranges: MatchRange[]): MatchRange[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const merged: MatchRange[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/** Best place of `t` in the ref: the last attr segment, a word in the attr, the attr, the repo. */
function refPosition(f: PackageFields, ref: string, repo: string, last: string, t: string) {
  const attrStart = repo.length + 1;
  const lastStart = ref.length - last.length;
  if (ref.startsWith(t, lastStart)) return lastStart;
  for (let at = ref.indexOf(t, attrStart); at >= 0; at = ref.indexOf(t, at + 1)) {
    if (isWordStart(f.original.ref, at)) return at;
  }
  const inAttr = ref.indexOf(t, attrStart);
  return inAttr >= 0 ? inAttr : ref.indexOf(t);
}

function anchoredPosition(ref: string, last: string, attrStart: number, term: Term): number {
  const t = term.text;
  if (term.kind === 'suffix') return ref.endsWith(t) ? ref.length - t.length : -1;
  const lastStart = ref.length - last.length;
  if (ref.startsWith(t, lastStart)) return lastStart;
  if (ref.startsWith(t, attrStart)) return attrStart;
  return ref.startsWith(t) ? 0 : -1;
}

export function matchRanges(
  f: PackageFields,
  terms: readonly Term[],
  caseSensitive: boolean,
  typoHits: ReadonlyArray<TypoHit | undefined>,
): { refMatches: MatchRange[]; descriptionMatches: MatchRange[] } {
  const v = caseSensitive ? f.original : f.folded;
  const ref: MatchRange[] = [];
  const description: MatchRange[] = [];
  terms.forEach((term, i) => {
    if (term.negated) return;
    const t = term.text;
    const anchored = term.kind === 'prefix' || term.kind === 'suffix' || term.kind === 'equal';
    const at = anchored
      ? anchoredPosition(v.ref, v.lastSegment, v.repo.length + 1, term)
      : refPosition(f, v.ref, v.repo, v.lastSegment, t);
    if (at >= 0) ref.push({ start: at, end: at + t.length });
    else {
      const typo = typoHits[i];
      const offset = typo ? v.ref.lastIndexOf(typo.name) : -1;
      if (typo && offset >= 0)
        for (const r of typo.ranges) ref.push({ start: offset + r.start, end: offset + r.end });
    }
    if (anchored) return;
    const word = indexOfWordStart(v.description, f.original.description, t);
    const inDescription = word >= 0 ? word : v.description.indexOf(t);
    if (inDescription >= 0)
      description.push({ start: inDescription, end: inDescription + t.length });
  });
  return { refMatches: mergeRanges(ref), descriptionMatches: mergeRanges(description) };
}
