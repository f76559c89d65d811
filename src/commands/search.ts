// `nur search QUERY...`: ranked packages. A picker in a terminal; a table or JSON in a pipe.
import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { ExitCode, NurError, UsageError } from '../errors.js';
import type { License, MatchRange, SearchHit } from '../model.js';
import type { CommandHost } from '../program.js';
import { parseQuery } from '../search/query.js';
import { displayAttrPath } from '../snippets/names.js';
import type { IOStreams } from '../term/io.js';
import { sanitizeLine } from '../term/sanitize.js';
import { createStyle, type Style } from '../term/style.js';

export interface SearchCommandOptions {
  /** The query words, joined with spaces. */
  query: string;
  /** At most this many results; 0 = all. */
  limit?: number;
  /** Only packages of this NUR repo. */
  repo?: string;
  json?: boolean;
  /** A table even on a terminal, instead of the picker. */
  plain?: boolean;
}

export const DEFAULT_LIMIT = 50;

/** One element of `nur search --json`; the field names are stable. */
export interface SearchJsonHit {
  ref: string;
  attrPath: string;
  repo: string;
  attr: string;
  pname: string;
  version: string;
  description: string;
  homepage: string;
  licenses: string[];
  broken: boolean;
  unfree: boolean;
  available: boolean;
  score: number;
}

const licenseName = (license: License) =>
  license.spdxId ?? license.shortName ?? license.fullName ?? '';

/** A JSON hit; strings are sanitised so `jq -r` cannot print an escape sequence from the index. */
export function searchJsonHit(hit: SearchHit): SearchJsonHit {
  const { pkg } = hit;
  return {
    ref: sanitizeLine(pkg.ref),
    attrPath: sanitizeLine(displayAttrPath(pkg)),
    repo: sanitizeLine(pkg.repo),
    attr: sanitizeLine(pkg.attr),
    pname: sanitizeLine(pkg.pname),
    version: sanitizeLine(pkg.version),
    description: sanitizeLine(pkg.description),
    homepage: sanitizeLine(pkg.homepage),
    licenses: pkg.licenses.map((l) => sanitizeLine(licenseName(l))).filter(Boolean),
    broken: pkg.broken,
    unfree: pkg.unfree,
    available: pkg.available,
    score: hit.score,
  };
}

/** Emphasises the matched characters of the visible (possibly truncated with `…`) ref. */
function highlight(visible: string, ranges: MatchRange[], style: Style): string {
  const end = visible.endsWith('…') ? visible.length - 1 : visible.length;
  let out = '';
  let at = 0;
  for (const range of ranges) {
    const start = Math.min(range.start, end);
    const stop = Math.min(range.end, end);
    if (stop <= start || start < at) continue;
    out += visible.slice(at, start) + style.bold(style.magenta(visible.slice(start, stop)));
    at = stop;
  }
  return out + visible.slice(at);
}

function marker(hit: SearchHit): string {
  if (hit.pkg.broken) return '[broken]';
  if (!hit.pkg.available) return '[unavailable]';
  return '';
}

async function renderHits(hits: SearchHit[], context: AppContext): Promise<string> {
  const { renderTable } = await import('../term/table.js');
  const style = createStyle(context.io.color);
  const tty = context.io.stdoutIsTTY;
  const rows = hits.map((hit) => {
    const ref = hit.pkg.ref;
    // Ranges index the raw ref; highlight only when sanitising left it unchanged.
    const highlightable = context.io.color && sanitizeLine(ref) === ref;
    const flag = marker(hit);
    return [
      {
        text: ref,
        style: highlightable
          ? (visible: string) => highlight(visible, hit.refMatches, style)
          : undefined,
      },
      { text: hit.pkg.version || '-', style: style.dim },
      {
        text: flag ? `${flag} ${sanitizeLine(hit.pkg.description)}` : hit.pkg.description,
        style: flag
          ? (visible: string) =>
              visible.startsWith(flag)
                ? style.red(flag) + visible.slice(flag.length)
                : style.red(visible)
          : undefined,
      },
    ];
  });
  return renderTable(rows, {
    // Headers help people; scripts reading a pipe get rows only.
    columns: [
      { header: tty ? 'PACKAGE' : undefined, minWidth: 16 },
      { header: tty ? 'VERSION' : undefined, minWidth: 7 },
      { header: tty ? 'DESCRIPTION' : undefined, flexible: true, minWidth: 12 },
    ],
    width: context.io.width,
    headerStyle: style.bold,
  });
}

function checkLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 0)
    throw new UsageError(`--limit must be a whole number ≥ 0, got ${String(limit)}`);
  return limit;
}

/**
 * Whether the interactive picker runs: on a terminal unless --plain/--json; and, like fzf, with
 * stdout captured (`nur show $(nur search)`) when no query was given and stderr is a terminal,
 * since a query in a pipe asks for the plain table.
 */
export function shouldOpenPicker(
  options: Pick<SearchCommandOptions, 'plain' | 'json' | 'query'>,
  io: Pick<IOStreams, 'canPrompt' | 'canPromptOnStderr'>,
): boolean {
  if (options.plain || options.json) return false;
  if (io.canPrompt) return true;
  return io.canPromptOnStderr && options.query.trim() === '';
}

export async function searchRun(
  options: SearchCommandOptions,
  context: AppContext,
): Promise<number> {
  const query = options.query.trim();
  const limit = checkLimit(options.limit);
  if (options.repo !== undefined && !options.repo.trim())
    throw new UsageError(
      '--repo needs a repo name, got an empty value',
      'For example `nur search --repo mic92 goat`; list repos with `nur repos`.',
    );
  const repo = options.repo?.trim() || undefined;
  // A malformed query fails (exit 2) before any index is read.
  parseQuery(query);

  if (shouldOpenPicker(options, context.io)) {
    const { runSearchTui } = await import('../tui/run.js');
    return runSearchTui({ context, initialQuery: query, searchOptions: { repo } });
  }
  if (!query && !repo)
    throw new UsageError(
      'nothing to search for: give a QUERY',
      'For example `nur search exporter`, or `nur search --repo mic92 ""` to list a repo.',
    );

  const index = await context.loadIndex();
  if (repo && !index.packages.some((p) => p.repo.toLowerCase() === repo.toLowerCase()))
    throw new NurError(`no NUR repo named "${sanitizeLine(repo)}" has packages in the index`, {
      hint: `List repos with \`nur repos ${sanitizeLine(repo)}\`.`,
    });
  const { createSearchEngine } = await import('../search/engine.js');
  const result = createSearchEngine(index.packages).search(query, { limit, repo });

  const { stdout, stderr } = context.io;
  if (options.json) {
    // An empty array, like `nur repos --json`, so `jq` reads no matches as data, not an error.
    stdout.write(`${JSON.stringify(result.hits.map(searchJsonHit), null, 2)}\n`);
    return result.hits.length ? ExitCode.ok : ExitCode.failure;
  }
  if (result.hits.length === 0) {
    stderr.write(`nur: no packages match "${sanitizeLine(query)}"\n`);
    return ExitCode.failure;
  }
  stdout.write(await renderHits(result.hits, context));
  if (context.io.stdoutIsTTY && result.total > result.hits.length)
    stderr.write(`${result.hits.length} of ${result.total} matches shown; --limit 0 shows all.\n`);
  return ExitCode.ok;
}

const help = `
Query syntax:
  goat counter     every word must match (name, repo or description); a word found nowhere
                   in the index matches names within a typo or two (goatcountr)
  'exact           the exact text, no typo tolerance
  ^prefix          a name starting with it;  suffix$  a name ending with it;  ^name$  exactly it
  !word            leave out packages containing it (also !^prefix, !suffix$)
  repo:mic92       only packages of that repo
  license:gpl      a licence whose SPDX id, nixpkgs short name or full name starts with it,
                   ignoring case: gpl finds GPL-3.0 and gpl2Plus, not LGPL or AGPL;
                   gpl-3.0-only only that; unfree also every package marked unfree
  Several repo: (or license:) filters are alternatives: repo:mic92 repo:0komo lists both
  repos; everything else must hold together.
  Case is ignored unless a word has a capital letter.

Output:
  In a terminal, an interactive picker opens. In a pipe, or with --plain, a table
  (PACKAGE VERSION DESCRIPTION), best match first, untruncated in pipes; [broken] and
  [unavailable] packages are marked. --json prints an array, best first, of objects with:
    ref          mic92.goatcounter (what \`nur show\` takes)
    attrPath     nur.repos.mic92.goatcounter, a Nix attr path: nur.repos."0komo".x
    repo, attr   mic92, goatcounter (attr may be nested: a.b.c)
    pname, version, description, homepage
    licenses     SPDX ids (or short/full names) as strings
    broken, unfree, available   booleans from the index
    score        relevance, higher is better; comparable within one search only
  With no match, --json prints [].
  Exit status: 0 with results, 1 when nothing matches, 2 on a bad query or option.

Examples:
  $ nur search goatcounter
  $ nur search prometheus exporter --limit 10 --plain
  $ nur search 'repo:mic92 !irc' --json | jq -r '.[].attrPath'`;

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!/^\d+$/.test(value.trim()))
    throw new UsageError(`--limit must be a whole number ≥ 0, got "${sanitizeLine(value)}"`);
  return limit;
}

export function registerSearch(program: Command, host: CommandHost): void {
  program
    .command('search')
    .description('search NUR packages: a picker in a terminal, a ranked table or JSON in a pipe')
    .argument('[query...]', 'words to match, with the query syntax below')
    .option(
      '-n, --limit <n>',
      `at most this many results; 0 for all (default ${DEFAULT_LIMIT})`,
      parseLimit,
    )
    .option('--repo <repo>', 'only packages of this NUR repo')
    .option('--json', 'print a JSON array of matches (fields below)')
    .option('--plain', 'print a table even in a terminal, instead of the picker')
    .addHelpText('after', help)
    .action(
      async (
        words: string[],
        opts: { limit?: number; repo?: string; json?: boolean; plain?: boolean },
        cmd: Command,
      ) => {
        host.exit(await searchRun({ query: words.join(' '), ...opts }, host.context(cmd)));
      },
    );
}
