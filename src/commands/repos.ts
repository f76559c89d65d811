// `nur repos [query] [--json]`: the NUR repos with package counts, hosts, URLs and locked revisions.
import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { ExitCode } from '../errors.js';
import type { NurIndex, Repo } from '../model.js';
import type { CommandHost } from '../program.js';
import { sanitizeLine } from '../term/sanitize.js';
import { createStyle } from '../term/style.js';

export interface ReposOptions {
  query?: string;
  json?: boolean;
}

/** One row of `nur repos --json`; field names are stable. */
export interface RepoRow {
  name: string;
  url: string;
  /** null for repos missing from repos.json: without a URL nothing says where they live. */
  host: string | null;
  packageCount: number;
  lockedRev: string | null;
  branch: string | null;
  file: string | null;
  type: string | null;
  submodules: boolean;
  githubContact: string | null;
  /** False for repos that have packages in the index but no entry in repos.json. */
  listed: boolean;
}

/** Repos of repos.json plus any that only appear in packages, sorted by name. Pure. */
export function repoRows(index: NurIndex, query?: string): RepoRow[] {
  const counts = new Map<string, number>();
  for (const pkg of index.packages) counts.set(pkg.repo, (counts.get(pkg.repo) ?? 0) + 1);
  const row = (repo: Repo, listed: boolean): RepoRow => ({
    name: repo.name,
    url: repo.url,
    host: listed ? repo.host : null,
    packageCount: counts.get(repo.name) ?? 0,
    lockedRev: repo.lockedRev ?? null,
    branch: repo.branch ?? null,
    file: repo.file ?? null,
    type: repo.type ?? null,
    submodules: repo.submodules,
    githubContact: repo.githubContact ?? null,
    listed,
  });
  const rows = Object.values(index.repos).map((repo) => row(repo, true));
  for (const name of counts.keys())
    if (!index.repos[name])
      rows.push(row({ name, url: '', host: 'git', submodules: false }, false));
  const needle = query?.trim().toLowerCase();
  const matching = needle
    ? rows.filter(
        (r) => r.name.toLowerCase().includes(needle) || r.url.toLowerCase().includes(needle),
      )
    : rows;
  return matching.sort((a, b) => {
    const x = a.name.toLowerCase();
    const y = b.name.toLowerCase();
    return x < y ? -1 : x > y ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
}

export async function reposRun(options: ReposOptions, context: AppContext): Promise<number> {
  const index = await context.loadIndex();
  const rows = repoRows(index, options.query);
  const { stdout, stderr } = context.io;
  if (options.json) {
    // JSON.stringify escapes control characters, so raw index text cannot reach the terminal.
    stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return rows.length ? ExitCode.ok : ExitCode.failure;
  }
  if (!rows.length) {
    stderr.write(`nur: no repo matches "${sanitizeLine(options.query ?? '')}"\n`);
    return ExitCode.failure;
  }
  const { renderTable } = await import('../term/table.js');
  const style = createStyle(context.io.color);
  const tty = context.io.stdoutIsTTY;
  stdout.write(
    renderTable(
      rows.map((r) => [
        r.name,
        String(r.packageCount),
        r.host ?? '-',
        r.url || '(not in repos.json)',
        { text: r.lockedRev ? r.lockedRev.slice(0, 7) : '-', style: style.dim },
      ]),
      {
        // Headers help people; scripts reading a pipe get rows only.
        columns: [
          { header: tty ? 'NAME' : undefined, minWidth: 12 },
          { header: tty ? 'PKGS' : undefined },
          { header: tty ? 'HOST' : undefined },
          { header: tty ? 'URL' : undefined, flexible: true, minWidth: 20 },
          { header: tty ? 'REV' : undefined },
        ],
        width: context.io.width,
        headerStyle: style.bold,
      },
    ),
  );
  return ExitCode.ok;
}

const examples = `
Repos that have packages in the index but no entry in repos.json are listed too, with
"listed": false and "host": null in --json (and - as the host in the table).

Examples:
  $ nur repos                      # every repo: name, packages, host, URL, locked revision
  $ nur repos mic92                # repos whose name or URL contains "mic92"
  $ nur repos gitlab --json | jq -r '.[].url'`;

export function registerRepos(program: Command, host: CommandHost): void {
  program
    .command('repos')
    .description('list NUR repos with package counts, hosts, URLs and locked revisions')
    .argument('[query]', 'only repos whose name or URL contains this (case-insensitive)')
    .option('--json', 'print a JSON array (name, url, host, packageCount, lockedRev, …)')
    .addHelpText('after', examples)
    .action(async (query: string | undefined, opts: { json?: boolean }, cmd: Command) => {
      host.exit(await reposRun({ query, json: opts.json }, host.context(cmd)));
    });
}
