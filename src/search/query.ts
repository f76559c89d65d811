// The query language: words (fuzzy, typo-tolerant), fzf's extended tokens, and field filters.
//
//   goat counter   every word must match somewhere (name, repo or description)
//   'exact         substring, no typo tolerance
//   ^prefix        a name (attr, its last segment, pname or ref) starts with it
//   suffix$        a name ends with it; ^name$ is an exact name
//   !word          excludes packages whose ref, pname or description contain it (also !^x, !x$)
//   repo:mic92     only this NUR repo (case-insensitive)
//   license:gpl    a licence whose SPDX id, short name or full name starts with it
// Several values of one filter are alternatives (`repo:a repo:b`: either repo; a conjunction of
// repos would match nothing, and of licences only rare dual-licensed packages); filters of
// different kinds and all words must hold together.
// Smart case: matching ignores case unless a word (not a filter) contains a capital letter.
import { UsageError } from '../errors.js';

export type TermKind = 'fuzzy' | 'exact' | 'prefix' | 'suffix' | 'equal';

export interface Term {
  kind: TermKind;
  /** Case-folded unless the query is case-sensitive. */
  text: string;
  negated: boolean;
}

export interface ParsedQuery {
  terms: Term[];
  /** Lower-case repo names; a package must be in one of them. */
  repos: string[];
  /** Lower-case licence prefixes; a package must match one of them. */
  licenses: string[];
  caseSensitive: boolean;
}

const FILTER = /^(repo|license|licence):(.*)$/i;

function usage(message: string): never {
  throw new UsageError(message, 'See `nur search --help` for the query syntax.');
}

function parseTerm(token: string): Omit<Term, 'text'> & { raw: string } {
  let raw = token;
  let negated = false;
  if (raw.startsWith('!')) {
    negated = true;
    raw = raw.slice(1);
  }
  let kind: TermKind = negated ? 'exact' : 'fuzzy';
  if (raw.startsWith("'")) {
    kind = 'exact';
    raw = raw.slice(1);
  } else {
    const prefix = raw.startsWith('^');
    // `\$` keeps a literal dollar at the end.
    const suffix = raw.endsWith('$') && !raw.endsWith('\\$');
    if (prefix) raw = raw.slice(1);
    if (suffix) raw = raw.slice(0, -1);
    if (prefix && suffix) kind = 'equal';
    else if (prefix) kind = 'prefix';
    else if (suffix) kind = 'suffix';
    if (raw.endsWith('\\$')) raw = `${raw.slice(0, -2)}$`;
  }
  if (!raw) usage(`"${token}" has nothing to match: put a word after the operator`);
  return { kind, negated, raw };
}

/** Parses a query; throws UsageError (exit 2) for an empty filter or a bare operator. */
export function parseQuery(query: string): ParsedQuery {
  const repos: string[] = [];
  const licenses: string[] = [];
  const rawTerms: Array<Omit<Term, 'text'> & { raw: string }> = [];
  // Control characters never occur in names and would collide with the engine's name markers.
  const cleaned = query.replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '');
  for (const token of cleaned.split(/\s+/).filter(Boolean)) {
    const filter = FILTER.exec(token);
    if (filter) {
      const field = filter[1]!.toLowerCase();
      const value = filter[2]!.trim().toLowerCase();
      if (!value)
        usage(
          `"${token}" needs a value, for example ${field === 'repo' ? 'repo:mic92' : 'license:mit'}`,
        );
      if (field === 'repo') repos.push(value);
      else licenses.push(value);
      continue;
    }
    rawTerms.push(parseTerm(token));
  }
  const caseSensitive = rawTerms.some((t) => /\p{Lu}/u.test(t.raw));
  const terms = rawTerms.map(({ kind, negated, raw }) => ({
    kind,
    negated,
    text: caseSensitive ? raw : raw.toLowerCase(),
  }));
  return { terms, repos, licenses, caseSensitive };
}
