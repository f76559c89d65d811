// `nur show REF`: everything the index knows about a package (or a repo), then ready-to-paste Nix.
import { Option, type Command } from 'commander';
import type { AppContext } from '../context.js';
import { ExitCode, NurError, UsageError } from '../errors.js';
import type { License, Maintainer, NurIndex, Package, Repo } from '../model.js';
import { repoFlakeUrl } from '../nix/flake-url.js';
import type { CommandHost } from '../program.js';
import { refNotFound } from './ref-not-found.js';
import { PACKAGE_SNIPPET_NAMES, REPO_SNIPPET_NAMES } from '../snippets/catalog.js';
import { displayAttrPath, shellWord } from '../snippets/names.js';
import type { Snippet, SnippetOptions, SnippetSet } from '../snippets/types.js';
import { summarizePlatforms } from '../term/platforms.js';
import { sanitizeBlock, sanitizeLine, stripControl } from '../term/sanitize.js';
import { createStyle, type Style } from '../term/style.js';
import type { renderTable } from '../term/table.js';

export interface ShowOptions {
  /** `mic92.goatcounter`, `nur.repos.…`, `pkgs.nur.repos.…`, a nested attr, or a repo name. */
  ref: string;
  /** Print only this snippet, raw. */
  snippet?: string;
  json?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Platforms

// ---------------------------------------------------------------------------------------------
// Field formatting (all index text is sanitised here, just before it is printed)

function licenseText(license: License): string {
  const name = license.spdxId ?? license.shortName ?? license.fullName ?? license.url ?? '?';
  return sanitizeLine(license.free === false ? `${name} (unfree)` : name);
}

function maintainerText(maintainer: Maintainer): string {
  const parts: string[] = [];
  if (maintainer.name) parts.push(maintainer.name);
  if (maintainer.github) parts.push(`(@${maintainer.github})`);
  else if (maintainer.email) parts.push(`<${maintainer.email}>`);
  return sanitizeLine(parts.join(' '));
}

function statusFlags(pkg: Package): string[] {
  const flags: string[] = [];
  if (pkg.broken) flags.push('broken');
  if (!pkg.available) flags.push('unavailable');
  if (pkg.unfree) flags.push('unfree');
  if (pkg.insecure) flags.push('insecure');
  return flags;
}

function safeFlakeUrl(repo: Repo, rev?: string): string | undefined {
  if (!repo.url) return undefined;
  try {
    return repoFlakeUrl(repo, rev ? { rev } : {});
  } catch {
    return undefined;
  }
}

function fieldLines(fields: [string, string | undefined][], style: Style): string[] {
  const present = fields.filter((f): f is [string, string] => Boolean(f[1]));
  const width = Math.max(...present.map(([label]) => label.length));
  return present.map(([label, value]) => `  ${style.dim(label.padEnd(width))}  ${value}`);
}

function indentBlock(text: string, pad = '  '): string {
  return text
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join('\n');
}

function snippetSection(set: SnippetSet, ref: string, style: Style): string[] {
  const out: string[] = ['', style.bold('Snippets')];
  for (const snippet of set.snippets) {
    out.push('', style.cyan(`── ${snippet.name}: ${snippet.title}`), snippet.code);
  }
  for (const omitted of set.omitted) {
    out.push('', style.dim(`── ${omitted.name}: not available: ${sanitizeLine(omitted.reason)}`));
  }
  const first = set.snippets[0]?.name;
  if (first)
    out.push(
      '',
      style.dim(`Print one alone (e.g. for a clipboard): nur show ${ref} --snippet ${first}`),
    );
  return out;
}

// ---------------------------------------------------------------------------------------------
// Views

function repoFields(repo: Repo): [string, string | undefined][] {
  if (!repo.url) return [['repo', `${sanitizeLine(repo.name)} (not listed in repos.json)`]];
  return [
    ['repo', `${sanitizeLine(repo.name)}  ${sanitizeLine(repo.url)}`],
    ['flake url', safeFlakeUrl(repo)],
    ['file', repo.file && sanitizeLine(repo.file)],
    ['branch', repo.branch && sanitizeLine(repo.branch)],
    ['submodules', repo.submodules ? 'yes' : undefined],
    ['locked rev', repo.lockedRev && sanitizeLine(repo.lockedRev)],
  ];
}

function packageText(pkg: Package, repo: Repo | undefined, set: SnippetSet, style: Style): string {
  const ref = sanitizeLine(pkg.ref);
  const flags = statusFlags(pkg);
  const out: string[] = [
    `${style.bold(ref)}${pkg.version ? ` ${style.green(sanitizeLine(pkg.version))}` : ''}${
      flags.length ? ` ${style.yellow(`[${flags.join(', ')}]`)}` : ''
    }`,
  ];
  if (pkg.description) out.push(sanitizeLine(pkg.description));
  out.push('');
  out.push(
    ...fieldLines(
      [
        [
          'attr path',
          set.snippets.find((s) => s.name === 'attr')?.code ?? sanitizeLine(pkg.attrPath),
        ],
        ['name', pkg.name && sanitizeLine(pkg.name)],
        ['homepage', pkg.homepage && sanitizeLine(pkg.homepage)],
        [
          pkg.licenses.length > 1 ? 'licences' : 'licence',
          pkg.licenses.map(licenseText).join(', ') || undefined,
        ],
        ['main program', pkg.mainProgram && sanitizeLine(pkg.mainProgram)],
        ['platforms', summarizePlatforms(pkg.platforms) || undefined],
        ['status', flags.length ? style.yellow(flags.join(', ')) : undefined],
        [
          'maintainers',
          pkg.maintainers.map(maintainerText).filter(Boolean).join(', ') || undefined,
        ],
        ['outputs', pkg.outputs.length ? sanitizeLine(pkg.outputs.join(', ')) : undefined],
        ['source', pkg.position && sanitizeLine(pkg.position)],
        ...(repo
          ? repoFields(repo)
          : ([['repo', `${sanitizeLine(pkg.repo)} (not listed in repos.json)`]] as [
              string,
              string,
            ][])),
      ],
      style,
    ),
  );
  const long = sanitizeBlock(pkg.longDescription);
  if (long) out.push('', style.bold('Description'), indentBlock(long));
  if (!repo?.url)
    out.push(
      '',
      style.yellow(
        `Note: repo ${sanitizeLine(pkg.repo)} is not in NUR's repos.json any more; snippets that go through NUR may fail.`,
      ),
    );
  out.push(...snippetSection(set, ref, style));
  return `${out.join('\n')}\n`;
}

function repoText(
  repo: Repo,
  packages: Package[],
  set: SnippetSet,
  style: Style,
  width: number | undefined,
  table: typeof renderTable,
): string {
  const name = sanitizeLine(repo.name);
  const out: string[] = [`${style.bold(name)} ${style.dim('(NUR repo)')}`, ''];
  out.push(
    ...fieldLines(
      [
        ['url', repo.url ? sanitizeLine(repo.url) : 'not listed in repos.json'],
        ['flake url', safeFlakeUrl(repo)],
        ['file', repo.file && sanitizeLine(repo.file)],
        ['branch', repo.branch && sanitizeLine(repo.branch)],
        ['submodules', repo.submodules ? 'yes' : undefined],
        ['locked rev', repo.lockedRev && sanitizeLine(repo.lockedRev)],
        ['contact', repo.githubContact && `@${sanitizeLine(repo.githubContact)}`],
        ['packages', String(packages.length)],
      ],
      style,
    ),
  );
  if (packages.length) {
    out.push('', style.bold('Packages'));
    const rows = table(
      packages.map((p) => [{ text: p.ref, style: style.cyan }, p.version, p.description]),
      {
        columns: [{}, {}, { flexible: true }],
        width: width === undefined ? undefined : width - 2,
      },
    );
    out.push(indentBlock(rows.replace(/\n$/, '')));
  }
  out.push(...snippetSection(set, name, style));
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// JSON

// JSON.stringify escapes C0 controls but not C1 controls, DEL, line separators or bidi overrides;
// escaping them keeps the data intact and the terminal safe.
function terminalSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function snippetsJson(set: SnippetSet) {
  return {
    snippets: Object.fromEntries(
      set.snippets.map((s) => [s.name, { title: s.title, language: s.language, code: s.code }]),
    ),
    omittedSnippets: Object.fromEntries(set.omitted.map((o) => [o.name, o.reason])),
  };
}

function repoJson(repo: Repo) {
  return {
    ...repo,
    // A repo known only from packages has no URL, so nothing says where it is hosted.
    host: repo.url ? repo.host : null,
    listed: Boolean(repo.url),
    flakeUrl: safeFlakeUrl(repo) ?? null,
    lockedFlakeUrl: (repo.lockedRev && safeFlakeUrl(repo, repo.lockedRev)) || null,
  };
}

// ---------------------------------------------------------------------------------------------
// Run

function pickSnippet(set: SnippetSet, names: readonly string[], name: string): Snippet {
  const found = set.snippets.find((s) => s.name === name);
  if (found) return found;
  const omitted = set.omitted.find((o) => o.name === name);
  if (omitted) throw new NurError(`snippet ${name} is not available: ${omitted.reason}`);
  throw new UsageError(`unknown snippet ${JSON.stringify(name)}`, `Snippets: ${names.join(', ')}.`);
}

export async function showRun(options: ShowOptions, context: AppContext): Promise<number> {
  const ref = options.ref.trim();
  if (!ref) throw new UsageError('nur show needs a REF', 'Example: nur show mic92.goatcounter');
  if (options.snippet !== undefined && options.json)
    throw new UsageError('--snippet and --json cannot be used together');
  const { resolveRef, stripRefPrefix } = await import('../index/resolve.js');
  // `.`, `nur.repos.`: prefixes and dots with no name in them; nothing to look up or search for.
  const lastName = stripRefPrefix(ref).split('.').filter(Boolean).at(-1);
  if (!lastName)
    throw new UsageError(
      `${JSON.stringify(ref)} names no package or repo`,
      'Give a package (nur show mic92.goatcounter) or a repo (nur show mic92).',
    );
  const index = await context.loadIndex();
  const resolved = resolveRef(index, ref);
  if (!resolved)
    throw await refNotFound(index, ref, `Search for it: nur search ${shellWord(lastName)}`);
  const { stdout } = context.io;
  const style = createStyle(context.io.color);

  if (resolved.kind === 'package') {
    const { pkg, repo } = resolved;
    const { packageSnippets } = await import('../snippets/package.js');
    const set = withoutUnsafe(packageSnippets(pkg, repo, await snippetOptions(context)));
    if (options.snippet !== undefined) {
      stdout.write(`${pickSnippet(set, PACKAGE_SNIPPET_NAMES, options.snippet).code}\n`);
      return ExitCode.ok;
    }
    if (options.json) {
      const json = {
        kind: 'package',
        package: {
          ...pkg,
          attrPath: displayAttrPath(pkg),
          platformsSummary: summarizePlatforms(pkg.platforms),
        },
        repo: repo ? repoJson(repo) : null,
        ...snippetsJson(set),
      };
      stdout.write(`${terminalSafeJson(json)}\n`);
      return ExitCode.ok;
    }
    stdout.write(packageText(pkg, repo, set, style));
    return ExitCode.ok;
  }

  const { repo, packages } = resolved;
  const [{ repoSnippets }, { renderTable }] = await Promise.all([
    import('../snippets/repo.js'),
    import('../term/table.js'),
  ]);
  const set = withoutUnsafe(repoSnippets(repo, packages[0]?.attr, await snippetOptions(context)));
  if (options.snippet !== undefined) {
    stdout.write(`${pickSnippet(set, REPO_SNIPPET_NAMES, options.snippet).code}\n`);
    return ExitCode.ok;
  }
  if (options.json) {
    const json = {
      kind: 'repo',
      repo: repoJson(repo),
      packages: packages.map((p) => ({
        ref: p.ref,
        attrPath: displayAttrPath(p),
        attr: p.attr,
        pname: p.pname,
        version: p.version,
        description: p.description,
      })),
      ...snippetsJson(set),
    };
    stdout.write(`${terminalSafeJson(json)}\n`);
    return ExitCode.ok;
  }
  stdout.write(repoText(repo, packages, set, style, context.io.width, renderTable));
  return ExitCode.ok;
}

/** The user's inputPrefix setting, so snippets name inputs as `nur add` would. */
async function snippetOptions(context: AppContext): Promise<SnippetOptions> {
  try {
    const { resolveSettings } = await import('../settings.js');
    return { inputPrefix: resolveSettings(context).inputPrefix };
  } catch {
    // An unreadable config file must not stop `nur show`; the default prefix applies.
    return {};
  }
}

/** Snippets are built from vetted values; one that still carries a control character is dropped. */
function withoutUnsafe(set: SnippetSet): SnippetSet {
  const unsafe = set.snippets.filter((s) => stripControl(s.code) !== s.code);
  if (!unsafe.length) return set;
  return {
    snippets: set.snippets.filter((s) => !unsafe.includes(s)),
    omitted: [
      ...set.omitted,
      ...unsafe.map((s) => ({ name: s.name, reason: 'it would contain control characters' })),
    ],
  };
}

/**
 * The snippet names are set as the option's choices for the shells to complete, without
 * commander's check: show's own error lists the snippets the given REF has.
 */
function snippetOption(): Option {
  const option = new Option(
    '--snippet <name>',
    'print only this snippet, raw, e.g. to pipe into a clipboard tool',
  );
  option.argChoices = [...new Set<string>([...PACKAGE_SNIPPET_NAMES, ...REPO_SNIPPET_NAMES])];
  return option;
}

export function registerShow(program: Command, host: CommandHost): void {
  program
    .command('show')
    .description('show everything NUR knows about a package or repo, with ready-to-paste Nix')
    .argument(
      '<ref>',
      'a package (mic92.goatcounter, pkgs.nur.repos.mic92.goatcounter, a nested attr) or a repo (mic92)',
    )
    .addOption(snippetOption())
    .option('--json', 'print everything as JSON: package, repo and snippets keyed by name')
    .addHelpText(
      'after',
      `
Snippets for a package: ${PACKAGE_SNIPPET_NAMES.join(', ')}
Snippets for a repo:    ${REPO_SNIPPET_NAMES.join(', ')}

Examples:
  nur show mic92.goatcounter
  nur show pkgs.nur.repos.mic92.goatcounter --snippet overlay | wl-copy
  nur show ijohanne --json`,
    )
    .action(async (ref: string, opts: Omit<ShowOptions, 'ref'>, cmd: Command) => {
      host.exit(await showRun({ ref, ...opts }, host.context(cmd)));
    });
}
