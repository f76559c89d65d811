// The one search engine of the CLI and the TUI: built once per index, queried per keystroke.
//
// Per query: parse → candidates (the previous matches when the query only grew, else the whole
// index or one repo) → one corpus scan for the longest term → each candidate scored by substring
// tiers on precomputed fields (typo matches via fuse.js for words found nowhere literally) →
// integer scores ranked by a packed numeric sort → match ranges for the returned hits only.
// Everything per package is computed lazily: a one-shot `nur search` in a pipe touches only the
// packages that contain its words.
import type { Package, SearchEngine, SearchHit, SearchOptions, SearchResult } from '../model.js';
import { packageFields, penaltyOf, type PackageFields } from './fields.js';
import { Corpus, IdMarks } from './prefilter.js';
import { parseQuery, type ParsedQuery, type Term } from './query.js';
import { matchRanges } from './ranges.js';
import { rankFew, rankMatches, SMALL_RESULT, tieOrder, type TieOrder } from './rank.js';
import { matchesLicense, NO_MATCH, prepareTerm, scoreTerm, type PreparedTerm } from './score.js';
import { NameCorpora, scansNames } from './tiers.js';
import { TypoMatcher, type TypoHit } from './typo.js';

export { parseQuery } from './query.js';

type LetterCase = 'folded' | 'original';
type TypoHits = ReadonlyArray<Map<number, TypoHit> | undefined>;
type NameTiers = ReadonlyArray<Uint8Array | undefined>;

/** From this many candidates (and a third of the index) on, name tiers come from whole-index scans. */
const SCAN_TIERS_FROM = 4096;

interface PreviousSearch {
  parsed: ParsedQuery;
  repoOption: string | undefined;
  matched: number[];
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

class Engine implements SearchEngine {
  private readonly fields: Array<PackageFields | undefined>;
  private readonly allIds: number[];
  private readonly idsOfRepo = new Map<string, number[]>();
  /** Lower-case repo and score penalty per package: filters and big result sets need no fields. */
  private readonly repoOf: string[];
  private readonly penalties: Uint8Array;
  private readonly scores: Int32Array;
  private readonly marks: IdMarks;
  private order: TieOrder | undefined;
  private readonly corpora: Partial<Record<LetterCase, Corpus>> = {};
  private readonly typoMatchers: Partial<Record<LetterCase, TypoMatcher>> = {};
  private readonly nameCorpora: Partial<Record<LetterCase, NameCorpora>> = {};
  private previous: PreviousSearch | undefined;

  constructor(private readonly packages: readonly Package[]) {
    this.fields = new Array<PackageFields | undefined>(packages.length);
    this.allIds = packages.map((_, i) => i);
    this.repoOf = new Array<string>(packages.length);
    this.penalties = new Uint8Array(packages.length);
    packages.forEach((pkg, id) => {
      const repo = pkg.repo.toLowerCase();
      this.repoOf[id] = repo;
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
    const base = narrowing
      ? this.marks.union([this.previous!.matched, ...typoHits.map((hits) => hits?.keys() ?? [])])
      : this.initialCandidates(parsed, repoOption);
    const scanned = termToScan(terms, narrowing ? this.previous!.parsed.terms : []);
    const { candidates, contained } = this.prefilter(base, terms, scanned, parsed, typoHits);

    const nameTiers: NameTiers =
      candidates.length >= Math.max(SCAN_TIERS_FROM, this.packages.length / 3)
        ? terms.map((term) =>
            scansNames(term)
              ? this.namesCorpora(parsed.caseSensitive).nameTiers(term, this.packages.length)
              : undefined,
          )
        : [];

    const matched: number[] = [];
    for (const id of candidates) {
      const score = this.score(
        id,
        terms,
        parsed,
        repoOption,
        typoHits,
        nameTiers,
        contained ? scanned : -1,
      );
      if (score === undefined) continue;
      this.scores[id] = score;
      matched.push(id);
    }
    this.previous = { parsed, repoOption, matched };

    const scoreOf = (id: number) => this.scores[id]!;
    let ranked: number[];
    if (matched.length < SMALL_RESULT)
      ranked = rankFew(matched, scoreOf, this.packages, options.limit);
    else {
      this.order ??= tieOrder(this.packages);
      ranked = rankMatches(matched, scoreOf, this.order, options.limit);
    }
    const hits: SearchHit[] = ranked.map((id) => ({
      pkg: this.packages[id]!,
      score: this.scores[id]!,
      ...matchRanges(
        this.fieldsOf(id),
        parsed.terms,
        parsed.caseSensitive,
        typoHits.map((hits) => hits?.get(id)),
      ),
    }));
    return { hits, total: matched.length };
  }

  private fieldsOf(id: number): PackageFields {
    return (this.fields[id] ??= packageFields(this.packages[id]!));
  }

  /** The package's score, or undefined when a filter or a term rejects it. */
  private score(
    id: number,
    terms: readonly PreparedTerm[],
    parsed: ParsedQuery,
    repoOption: string | undefined,
    typoHits: TypoHits,
    nameTiers: NameTiers,
    containedTerm: number,
  ): number | undefined {
    const repo = this.repoOf[id]!;
    if (repoOption !== undefined && repo !== repoOption) return undefined;
    if (parsed.repos.length && !parsed.repos.includes(repo)) return undefined;
    for (const license of parsed.licenses)
      if (!matchesLicense(this.fieldsOf(id), license)) return undefined;
    let total = -this.penalties[id]!;
    for (let i = 0; i < terms.length; i++) {
      const nameTier = nameTiers[i]?.[id];
      let termScore =
        nameTier ||
        scoreTerm(this.fieldsOf(id), terms[i]!, parsed.caseSensitive, i === containedTerm);
      const typo = typoHits[i]?.get(id);
      if (typo && typo.score > termScore) termScore = typo.score;
      if (termScore === NO_MATCH) return undefined;
      total += termScore;
    }
    return total;
  }

  private initialCandidates(parsed: ParsedQuery, repoOption: string | undefined): number[] {
    if (repoOption !== undefined) return this.idsOfRepo.get(repoOption) ?? [];
    if (parsed.repos.length)
      return [...new Set(parsed.repos)].flatMap((repo) => this.idsOfRepo.get(repo) ?? []);
    return this.allIds;
  }

  /**
   * Narrows `base` to packages containing the scanned term (or a typo of it), with one scan of
   * the corpus: every positive term's text lies in the haystack of a package it matches, except
   * through a typo. Small bases are cheaper to test package by package.
   */
  private prefilter(
    base: number[],
    terms: readonly PreparedTerm[],
    scanned: number,
    parsed: ParsedQuery,
    typoHits: TypoHits,
  ): { candidates: number[]; contained: boolean } {
    if (scanned < 0 || base.length < this.packages.length / 8)
      return { candidates: base, contained: false };
    const containing = this.corpus(parsed.caseSensitive).idsContaining(terms[scanned]!.text);
    const typo = typoHits[scanned];
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

  private namesCorpora(caseSensitive: boolean): NameCorpora {
    const key: LetterCase = caseSensitive ? 'original' : 'folded';
    this.nameCorpora[key] ??= new NameCorpora(
      this.packages.map((_, id) => this.fieldsOf(id)),
      caseSensitive,
    );
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
