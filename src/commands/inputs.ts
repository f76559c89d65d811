// `nur inputs [--flake PATH] [--json]`: the flake's inputs, which are NUR repos, and whether their
// locked revs match the rev NUR last evaluated.
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { ExitCode, NurError } from '../errors.js';
import type { InputReport, InputStatus } from '../flake/lock.js';
import type { Repo } from '../model.js';
import type { CommandHost } from '../program.js';
import { sanitizeLine } from '../term/sanitize.js';
import { createStyle, type Style } from '../term/style.js';

export interface InputsOptions {
  /** flake.nix or the directory holding it; default the working directory. */
  flake?: string;
  json?: boolean;
}

/** flake.lock beside flake.nix, or undefined when there is none yet. */
async function readLockText(file: string): Promise<string | undefined> {
  const { readFile } = await import('node:fs/promises');
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new NurError(`cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
}

/** Repos from the index; without one (offline, no cache) inputs are listed unmatched. */
async function loadRepos(context: AppContext): Promise<Record<string, Repo> | undefined> {
  try {
    return (await context.loadIndex()).repos;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    context.io.stderr.write(
      `nur: cannot load the NUR index (${sanitizeLine(reason)}); NUR repos are not marked\n`,
    );
    return undefined;
  }
}

function statusStyle(style: Style, status: InputStatus | null): (text: string) => string {
  if (status === 'up to date') return style.green;
  if (status === 'behind') return style.yellow;
  return style.dim;
}

function renderText(
  reports: InputReport[],
  context: AppContext,
  render: typeof import('../term/table.js').renderTable,
): string {
  const tty = context.io.stdoutIsTTY;
  const style = createStyle(context.io.color);
  // Short revs for people; scripts in a pipe get whole ones.
  const rev = (value: string | null) => (value ? (tty ? value.slice(0, 7) : value) : '-');
  return render(
    reports.map((r) => [
      { text: r.name, style: r.nurRepo ? style.cyan : undefined },
      r.url ?? (r.follows !== null ? `follows ${r.follows}` : '-'),
      r.nurRepo ?? '-',
      rev(r.lockedRev),
      rev(r.nurRev),
      { text: r.status ?? '-', style: statusStyle(style, r.status) },
    ]),
    {
      columns: [
        { header: tty ? 'INPUT' : undefined, minWidth: 12 },
        { header: tty ? 'URL' : undefined, flexible: true, minWidth: 20 },
        { header: tty ? 'NUR REPO' : undefined },
        { header: tty ? 'LOCKED' : undefined },
        { header: tty ? 'NUR REV' : undefined },
        { header: tty ? 'STATUS' : undefined },
      ],
      width: context.io.width,
      headerStyle: style.bold,
    },
  );
}

export async function inputsRun(options: InputsOptions, context: AppContext): Promise<number> {
  const { stdout, stderr } = context.io;
  const { flakePathOf, readFlakeFile, shownPath } = await import('./flake-edit-io.js');
  const flakeFile = await flakePathOf(options.flake, context);
  const { text: source, shown } = await readFlakeFile(flakeFile, context);
  const { declaredInputs } = await import('../flake/list-inputs.js');
  const { inputs: declared, opaque } = declaredInputs(source, shown);

  const { parseFlakeLock, reportInputs } = await import('../flake/lock.js');
  const lockFile = join(dirname(flakeFile), 'flake.lock');
  const lockShown = shownPath(lockFile, context.cwd);
  const lockText = await readLockText(lockFile);
  const lock = lockText === undefined ? undefined : parseFlakeLock(lockText, lockShown);
  const repos = declared.length ? await loadRepos(context) : undefined;
  const reports = reportInputs(declared, lock, repos ?? {});

  if (options.json) {
    // JSON.stringify escapes control characters, so no raw text reaches the terminal.
    stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  } else if (reports.length) {
    const { renderTable } = await import('../term/table.js');
    stdout.write(renderText(reports, context, renderTable));
  }
  if (opaque) {
    const what = sanitizeLine(opaque.text);
    stderr.write(
      `nur: ${sanitizeLine(shown)} sets its inputs with an expression nur cannot read (line ${opaque.line}: ${what})\n`,
    );
  }
  if (!reports.length) {
    if (!opaque) stderr.write(`nur: ${sanitizeLine(shown)} declares no inputs\n`);
    return ExitCode.failure;
  }

  const nurReports = reports.filter((r) => r.nurRepo !== null);
  if (lock === undefined) {
    stderr.write(
      `nur: no flake.lock next to ${sanitizeLine(shown)}; run \`nix flake lock\` to lock the inputs\n`,
    );
  } else if (nurReports.some((r) => r.status === 'not locked')) {
    stderr.write('nur: some inputs are not in flake.lock yet; run `nix flake lock` to lock them\n');
  }
  const behind = nurReports.filter((r) => r.status === 'behind').map((r) => sanitizeLine(r.name));
  if (behind.length) {
    stderr.write(
      `nur: ${behind.join(', ')} ${behind.length === 1 ? 'is' : 'are'} not at the rev NUR last evaluated; update with \`nix flake lock --update-input ${behind[0]}\`\n`,
    );
  }
  return ExitCode.ok;
}

const examples = `
Examples:
  $ nur inputs                       # inputs of ./flake.nix; NUR repos compared with NUR's revs
  $ nur inputs --flake ~/nixos-config
  $ nur inputs --json | jq -r '.[] | select(.status == "behind") | .name'`;

export function registerInputs(program: Command, host: CommandHost): void {
  program
    .command('inputs')
    .description("list a flake's inputs, mark NUR repos, and compare their locked revs with NUR's")
    .option('--flake <path>', 'flake.nix or the directory holding it (default: current directory)')
    .option('--json', 'print a JSON array (name, url, follows, nurRepo, lockedRev, nurRev, status)')
    .addHelpText(
      'after',
      `
Status (NUR repos only): "up to date" when flake.lock pins the rev NUR last evaluated, "behind"
when the revs differ, "not locked" when flake.lock lacks the input, "unknown" when a rev is missing.
${examples}`,
    )
    .action(async (opts: { flake?: string; json?: boolean }, cmd: Command) => {
      host.exit(await inputsRun({ flake: opts.flake, json: opts.json }, host.context(cmd)));
    });
}
