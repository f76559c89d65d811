// The one search engine of the CLI and the TUI: built once per index, queried per keystroke.
//
// Per query: parse → candidates (the previous matches when the query only grew, else the whole
// index or one repo) → one corpus scan for the longest term (a letter-tier lookup for one letter)
// → term by term, each survivor scored by substring tiers on precomputed fields (typo matches via
// fuse.js for words found nowhere literally; one-letter words from precomputed letter tiers;
// words unchanged since the last search from its scores) → integer scores, the best `limit`
// selected and sorted by a packed numeric key → match ranges for the returned hits that are read.
// Everything per package is computed lazily: a one-shot `nur search` in a pipe touches only the
// packages that contain its words.
import type { Package, SearchEngine, SearchHit, SearchOptions, SearchResult } from '../model.js';
import { packageFields, penaltyOf, type PackageFields } from './fields.js';
import { LetterTiers, letterOf } from './letters.js';
import { Corpus, IdMarks } from './prefilter.js';
import { parseQuery, type ParsedQuery, type Term } from './query.js';
import { matchRanges } from './ranges.js';
import { rankFew, rankMatches, SMALL_RESULT, tieOrder, type TieOrder } from './rank.js';
import {
  matchesLicense,
  NO_MATCH,
  prepareTerm,
  scoreOutsideNames,
  scoreTerm,
  type PreparedTerm,
} from './score.js';
import { NameCorpora, scansNames } from './tiers.js';
import { TypoMatcher, type TypoHit } from './typo.js';

export { parseQuery } from './query.js';

type Ranges = Pick<SearchHit, 'refMatches' | 'descriptionMatches'>;

/**
 * A hit whose match ranges are found when first read: the picker asks for up to a thousand hits
 * to scroll through but shows a few dozen, and finding ranges for all of them was most of a
 * one-letter search.
 */
class RankedHit implements SearchHit {
  #ranges: Ranges | undefined;
  constructor(
    readonly pkg: Package,
    readonly score: number,
    private readonly id: number,
    private readonly rangesOf: (id: number) => Ranges,
  ) {}
  get refMatches() {
    return (this.#ranges ??= this.rangesOf(this.id)).refMatches;
  }
  get descriptionMatches() {
    return (this.#ranges ??= this.rangesOf(this.id)).descriptionMatches;
  }
}

type LetterCase = 'folded' | 'original';
type TypoHits = ReadonlyArray<Map<number, TypoHit> | undefined>;

/**
 * From this many unscored candidates (and 1/16 of the index) on, a whole-index scan gives name
 * tiers. Building the name corpus the first time waits for more (and a third of the index):
 * it also builds every package's fields (see namesCorpora), worth it only for a session of many
 * searches, which such a query starts.
 */
const NAME_TIERS_FROM = 1024;
const NAME_CORPUS_FROM = 4096;
/** From this many unscored candidates on, one-letter words are scored from letter tiers. */
const LETTER_TIERS_FROM = 4096;

interface PreviousSearch {
  parsed: ParsedQuery;
  repoOption: string | undefined;
  matched: Int32Array;
  /** Scores of its terms, by termKey. */
  memos: Map<string, TermMemo>;
}

/** One search's query, as the scoring steps need it. */
interface QueryContext {
  terms: readonly PreparedTerm[];
  parsed: ParsedQuery;
  repoOption: string | undefined;
  typoHits: TypoHits;
  /** Per term, its scores (see TermMemo). */
  memos: readonly TermMemo[];
  /** The term every candidate is known to contain, or -1. */
  containedTerm: number;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** A term that can only lose matches as characters are appended to it. */
const narrowsWhenGrown = (term: Term) =>
  !term.negated && (term.kind === 'fuzzy' || term.kind === 'exact' || term.kind === 'prefix');

/**
 * Every package matching `next` also matched `previous` (or is a typo match, which the engine
 * adds back): terms only grew or were added, filters and case sensitivity unchanged.
 */
function narrows(previous: PreviousSearch, next: ParsedQuery, repoOption?: string): boolean {
  const before = previous.parsed;
  if (previous.repoOption !== repoOption) return false;
  if (!sameList(before.repos, next.repos) || !sameList(before.licenses, next.licenses))
    return false;
  // Case sensitivity flips which packages a `!` term excludes.
  if (before.caseSensitive !== next.caseSensitive) return false;
  if (next.terms.length < before.terms.length) return false;
  return before.terms.every((old, i) => {
    const now = next.terms[i]!;
    if (old.kind !== now.kind || old.negated !== now.negated) return false;
    return old.text === now.text || (narrowsWhenGrown(old) && now.text.startsWith(old.text));
  });
}

/**
 * Index of the longest positive term, the most selective one to scan for; -1 if none. When
 * narrowing, only terms that changed count: the previous matches already contain the others.
 */
function termToScan(terms: readonly Term[], unchanged: readonly Term[] = []): number {
  let longest = -1;
  terms.forEach((term, i) => {
    const old = unchanged[i];
    if (term.negated || (old && old.text === term.text && old.kind === term.kind)) return;
    if (longest < 0 || term.text.length > terms[longest]!.text.length) longest = i;
  });
  return longest;
}

const haystackOf = (pkg: Package) => `${pkg.ref}\n${pkg.pname}\n${pkg.description}`;

/** Identifies a term's score per package: same kind, text, negation and letter case. */
const termKey = (term: Term, caseSensitive: boolean) =>
  `${caseSensitive ? 'A' : 'a'}${term.negated ? '!' : ''}${term.kind}:${term.text}`;

/**
 * Scores of one term per package id, stored as score + 2 (0: not computed yet). A term's score
 * depends on nothing else in the query, so a word left unchanged while typing keeps its scores.
 */
type TermMemo = Uint8Array;
const MEMO_OFFSET = 2;

/**
 * Index-sized arrays reused from search to search. Typed arrays live outside the JS heap, and
 * allocating a few megabytes of them per keystroke brings on full garbage collections, which
 * walk every string of the index.
 */
class SearchBuffers {
  /** Survivors of the scoring steps and their running totals. */
  readonly alive: Int32Array;
  readonly totals: Int32Array;
  /** Ranking keys. */
  readonly keys: Float64Array;
  /** Name tiers of one term; zero between uses. */
  readonly tiers: Uint8Array;
  /** Two buffers for matches: the last search's stay intact while the next search reads them. */
  private readonly matched: [Int32Array, Int32Array];
  private current = 0;
  private readonly spareMemos: TermMemo[] = [];

  constructor(private readonly size: number) {
    this.alive = new Int32Array(size);
    this.totals = new Int32Array(size);
    this.keys = new Float64Array(size);
    this.tiers = new Uint8Array(size);
    this.matched = [new Int32Array(size), new Int32Array(size)];
  }

  /** The first `count` survivors, copied where the next search will not write. */
  keepMatched(count: number): Int32Array {
    this.current = 1 - this.current;
    const matched = this.matched[this.current]!;
    matched.set(this.alive.subarray(0, count));
    return matched.subarray(0, count);
  }

  /** An empty term memo. */
  memo(): TermMemo {
    return this.spareMemos.pop() ?? new Uint8Array(this.size);
  }

  recycle(memo: TermMemo): void {
    memo.fill(0);
    if (this.spareMemos.length < 8) this.spareMemos.push(memo);
  }
}

class Engine implements SearchEngine {
  private readonly fields: Array<PackageFields | undefined>;
  private readonly allIds: number[];
  private readonly idsOfRepo = new Map<string, number[]>();
  /** Repo (as an index into repoIds) and score penalty per package: filters need no fields. */
  private readonly repoIdOf: Uint32Array;
  private readonly repoIds = new Map<string, number>();
  private readonly penalties: Uint8Array;
  private readonly scores: Int32Array;
  private readonly marks: IdMarks;
  private order: TieOrder | undefined;
  private readonly corpora: Partial<Record<LetterCase, Corpus>> = {};
  private readonly typoMatchers: Partial<Record<LetterCase, TypoMatcher>> = {};
  private readonly nameCorpora: Partial<Record<LetterCase, NameCorpora>> = {};
  private letterTiers: LetterTiers | undefined;
  private buffers: SearchBuffers | undefined;
  private previous: PreviousSearch | undefined;

  constructor(private readonly packages: readonly Package[]) {
    this.fields = new Array<PackageFields | undefined>(packages.length);
    this.allIds = packages.map((_, i) => i);
    this.repoIdOf = new Uint32Array(packages.length);
    this.penalties = new Uint8Array(packages.length);
    packages.forEach((pkg, id) => {
      const repo = pkg.repo.toLowerCase();
      let repoId = this.repoIds.get(repo);
      if (repoId === undefined) this.repoIds.set(repo, (repoId = this.repoIds.size));
      this.repoIdOf[id] = repoId;
      this.penalties[id] = penaltyOf(pkg);
      const list = this.idsOfRepo.get(repo);
      if (list) list.push(id);
      else this.idsOfRepo.set(repo, [id]);
    });
    this.scores = new Int32Array(packages.length);
    this.marks = new IdMarks(packages.length);
  }

  get size(): number {
    return this.packages.length;
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const parsed = parseQuery(query);
    const terms = parsed.terms.map(prepareTerm);
    const repoOption = options.repo?.trim().toLowerCase() || undefined;
    const typoHits = terms.map((term) => this.typoHitsFor(term, parsed.caseSensitive));
    const narrowing = this.previous !== undefined && narrows(this.previous, parsed, repoOption);
    const typoIds = typoHits.flatMap((hits) => (hits ? [...hits.keys()] : []));
    const base = !narrowing
      ? this.initialCandidates(parsed, repoOption)
      : typoIds.length
        ? this.marks.union([this.previous!.matched, typoIds])
        : this.previous!.matched;
    const scanned = termToScan(terms, narrowing ? this.previous!.parsed.terms : []);
    const { candidates, contained } = this.prefilter(base, terms, scanned, parsed, typoHits);

    const buffers = (this.buffers ??= new SearchBuffers(this.packages.length));
    const memos = new Map<string, TermMemo>();
    for (const term of terms) {
      const key = termKey(term, parsed.caseSensitive);
      if (!memos.has(key)) memos.set(key, this.previous?.memos.get(key) ?? buffers.memo());
    }
    for (const memo of this.previous?.memos.values() ?? [])
      if (![...memos.values()].includes(memo)) buffers.recycle(memo);
    const matched = this.scoreCandidates(candidates, {
      terms,
      parsed,
      repoOption,
      typoHits,
      memos: terms.map((term) => memos.get(termKey(term, parsed.caseSensitive))!),
      containedTerm: contained ? scanned : -1,
    });
    this.previous = { parsed, repoOption, matched, memos };

    const scoreOf = (id: number) => this.scores[id]!;
    let ranked: number[];
    if (matched.length < SMALL_RESULT)
      ranked = rankFew(Array.from(matched), scoreOf, this.packages, options.limit);
    else {
      this.order ??= tieOrder(this.packages);
      ranked = rankMatches(matched, scoreOf, this.order, options.limit, buffers.keys);
    }
    const rangesOf = (id: number) =>
      matchRanges(
        this.fieldsOf(id),
        parsed.terms,
        parsed.caseSensitive,
        typoHits.map((hits) => hits?.get(id)),
      );
    const hits = ranked.map(
      (id) => new RankedHit(this.packages[id]!, this.scores[id]!, id, rangesOf),
    );
    return { hits, total: matched.length };
  }

  private fieldsOf(id: number): PackageFields {
    return (this.fields[id] ??= packageFields(this.packages[id]!));
  }

  /**
   * The candidates every filter and term accepts, with their scores left in `this.scores`. Term
   * by term over all survivors (not package by package), so each term runs one tight loop and
   * the cheap terms (one letter, or scores kept from the last search) shrink the set first.
   */
  private scoreCandidates(candidates: ArrayLike<number>, query: QueryContext): Int32Array {
    const { parsed } = query;
    const { alive, totals } = this.buffers!;
    const allowedRepos = this.allowedRepos(parsed, query.repoOption);
    let count = 0;
    for (let k = 0; k < candidates.length; k++) {
      const id = candidates[k]!;
      if (allowedRepos && allowedRepos[this.repoIdOf[id]!] !== 1) continue;
      if (parsed.licenses.length && !this.matchesLicenses(id, parsed.licenses)) continue;
      alive[count] = id;
      totals[count] = -this.penalties[id]!;
      count++;
    }
    const cheapFirst = query.terms
      .map((term, i) => ({ i, cheap: this.isCheap(term, i, query, alive, count) }))
      .sort((a, b) => Number(b.cheap) - Number(a.cheap));
    for (const { i } of cheapFirst) count = this.applyTerm(i, query, alive, totals, count);
    for (let k = 0; k < count; k++) this.scores[alive[k]!] = totals[k]!;
    return this.buffers!.keepMatched(count);
  }

  /** A one-letter term, or one whose scores the last search already computed for the first few. */
  private isCheap(
    term: PreparedTerm,
    i: number,
    query: QueryContext,
    alive: Int32Array,
    count: number,
  ): boolean {
    if (this.letterOfTerm(term, i, query) >= 0) return true;
    const memo = query.memos[i]!;
    for (let k = 0; k < Math.min(count, 16); k++) if (memo[alive[k]!] === 0) return false;
    return true;
  }

  /** The letter index of a term that LetterTiers can score, else -1. */
  private letterOfTerm(term: PreparedTerm, i: number, query: QueryContext): number {
    if (query.parsed.caseSensitive || term.negated) return -1;
    if (term.kind !== 'fuzzy' && term.kind !== 'exact') return -1;
    if (query.typoHits[i]?.size) return -1;
    return letterOf(term.text);
  }

  /** Drops the survivors term `i` rejects and adds its score to the others; the new count. */
  private applyTerm(
    i: number,
    query: QueryContext,
    alive: Int32Array,
    totals: Int32Array,
    count: number,
  ): number {
    const term = query.terms[i]!;
    const memo = query.memos[i]!;
    let unknown = 0;
    for (let k = 0; k < count; k++) if (memo[alive[k]!] === 0) unknown++;
    const size = this.packages.length;
    const key: LetterCase = query.parsed.caseSensitive ? 'original' : 'folded';
    const wide = this.nameCorpora[key]
      ? unknown >= Math.max(NAME_TIERS_FROM, size / 16)
      : unknown >= Math.max(NAME_CORPUS_FROM, size / 3);
    const letter = this.letterOfTerm(term, i, query);
    const letters = letter >= 0 && unknown >= LETTER_TIERS_FROM ? this.letters() : undefined;
    const nameTiers =
      wide && !letters && scansNames(term)
        ? this.namesCorpora(query.parsed.caseSensitive).nameTiers(term, this.buffers!.tiers)
        : undefined;
    const typo = query.typoHits[i];
    const contained = i === query.containedTerm;
    let kept = 0;
    for (let k = 0; k < count; k++) {
      const id = alive[k]!;
      let score = memo[id]! - MEMO_OFFSET;
      if (score < NO_MATCH) {
        if (letters) score = letters.tier(id, letter);
        else {
          const { caseSensitive } = query.parsed;
          score = nameTiers
            ? nameTiers[id] || scoreOutsideNames(this.fieldsOf(id), term, caseSensitive, contained)
            : scoreTerm(this.fieldsOf(id), term, caseSensitive, contained);
          const typoHit = typo?.get(id);
          if (typoHit && typoHit.score > score) score = typoHit.score;
        }
        memo[id] = score + MEMO_OFFSET;
      }
      if (score === NO_MATCH) continue;
      alive[kept] = id;
      totals[kept] = totals[k]! + score;
      kept++;
    }
    nameTiers?.fill(0);
    return kept;
  }

  /** Per repo id, 1 where packages may come from; undefined when every repo may. */
  private allowedRepos(parsed: ParsedQuery, repoOption: string | undefined) {
    if (repoOption === undefined && !parsed.repos.length) return undefined;
    const allowed = new Uint8Array(this.repoIds.size);
    const option = repoOption === undefined ? undefined : this.repoIds.get(repoOption);
    for (const repo of parsed.repos.length ? parsed.repos : [repoOption!]) {
      const id = this.repoIds.get(repo);
      // The repo option and `repo:` filters must both hold.
      if (id !== undefined && (repoOption === undefined || id === option)) allowed[id] = 1;
    }
    return allowed;
  }

  /** Several `license:` values are alternatives, like several `repo:` values. */
  private matchesLicenses(id: number, licenses: readonly string[]): boolean {
    for (const license of licenses) if (matchesLicense(this.fieldsOf(id), license)) return true;
    return false;
  }

  private initialCandidates(parsed: ParsedQuery, repoOption: string | undefined): number[] {
    if (repoOption !== undefined) return this.idsOfRepo.get(repoOption) ?? [];
    if (parsed.repos.length === 1) return this.idsOfRepo.get(parsed.repos[0]!) ?? [];
    if (parsed.repos.length)
      return this.marks.union(parsed.repos.map((repo) => this.idsOfRepo.get(repo) ?? []));
    return this.allIds;
  }

  /**
   * Narrows `base` to packages containing the scanned term (or a typo of it), with one scan of
   * the corpus: every positive term's text lies in the haystack of a package it matches, except
   * through a typo. Small bases are cheaper to test package by package.
   */
  private prefilter(
    base: ArrayLike<number>,
    terms: readonly PreparedTerm[],
    scanned: number,
    parsed: ParsedQuery,
    typoHits: TypoHits,
  ): { candidates: ArrayLike<number>; contained: boolean } {
    if (scanned < 0 || base.length < this.packages.length / 8)
      return { candidates: base, contained: false };
    const text = terms[scanned]!.text;
    const typo = typoHits[scanned];
    // Letter tiers, once built (scoring builds them for a letter matching many), tell without a
    // scan which packages hold a letter.
    const letter = parsed.caseSensitive || typo?.size ? -1 : letterOf(text);
    if (letter >= 0 && this.letterTiers) {
      const letters = this.letterTiers;
      const candidates: number[] = [];
      for (let k = 0; k < base.length; k++)
        if (letters.tier(base[k]!, letter) !== NO_MATCH) candidates.push(base[k]!);
      return { candidates, contained: true };
    }
    const containing = this.corpus(parsed.caseSensitive).idsContaining(text);
    // Typo-only matches do not contain the text, so the scanned term must be tested again.
    if (typo?.size) {
      const sets = [containing, [...typo.keys()]];
      const candidates =
        base === this.allIds ? this.marks.union(sets) : this.marks.keepMarked(base, sets);
      return { candidates, contained: false };
    }
    const candidates =
      base === this.allIds ? containing : this.marks.keepMarked(base, [containing]);
    return { candidates, contained: true };
  }

  /**
   * Typo matches for a plain word that occurs nowhere in the index literally (`goatcountr`).
   * A word found literally needs none, and skipping them keeps `rust` from listing `rest`.
   */
  private typoHitsFor(term: PreparedTerm, caseSensitive: boolean) {
    if (term.kind !== 'fuzzy' || term.negated) return undefined;
    if (this.corpus(caseSensitive).contains(term.text)) return undefined;
    const key: LetterCase = caseSensitive ? 'original' : 'folded';
    this.typoMatchers[key] ??= new TypoMatcher(
      this.packages.map((pkg) => {
        const attr = caseSensitive ? pkg.attr : pkg.attr.toLowerCase();
        const pname = caseSensitive ? pkg.pname : pkg.pname.toLowerCase();
        return [attr.slice(attr.lastIndexOf('.') + 1), pname];
      }),
      caseSensitive,
    );
    return this.typoMatchers[key].match(term.text);
  }

  private letters(): LetterTiers {
    this.letterTiers ??= new LetterTiers(this.packages);
    return this.letterTiers;
  }

  /**
   * The name corpus, built with every package's fields: from here on searches come in quick
   * succession (the TUI), and fields built a few thousand per keystroke would be promoted and
   * collected keystroke after keystroke, with pauses of tens to hundreds of milliseconds, instead
   * of once here.
   */
  private namesCorpora(caseSensitive: boolean): NameCorpora {
    const key: LetterCase = caseSensitive ? 'original' : 'folded';
    if (!this.nameCorpora[key]) {
      for (let id = 0; id < this.packages.length; id++) this.fieldsOf(id);
      this.nameCorpora[key] = new NameCorpora(this.packages, caseSensitive);
    }
    return this.nameCorpora[key];
  }

  private corpus(caseSensitive: boolean): Corpus {
    const key: LetterCase = caseSensitive ? 'original' : 'folded';
    this.corpora[key] ??= Corpus.build(this.packages.map(haystackOf), !caseSensitive);
    return this.corpora[key];
  }
}

/** Builds the engine for an index: cheap, since per-package work happens on first use. */
export function createSearchEngine(packages: readonly Package[]): SearchEngine {
  return new Engine(packages);
}
