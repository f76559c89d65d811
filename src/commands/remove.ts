// `nur remove NAME|REF`: take an input out of flake.nix again: its bindings and follows, its
// outputs formal, and the module-list entries that use it.
import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { ExitCode, UsageError } from '../errors.js';
import type { CommandHost } from '../program.js';
import { sanitizeLine } from '../term/sanitize.js';

export interface RemoveOptions {
  /** An input name (`nur-mic92`), or what was given to `nur add` (`mic92`, `Mic92/nur-packages`, `nur`). */
  target: string;
  flake?: string;
  dryRun?: boolean;
  force?: boolean;
}

/** Input names the argument may stand for, most literal first. */
async function candidateNames(target: string, context: AppContext): Promise<string[]> {
  const names = [target];
  const { toNixIdentifier } = await import('../nix/strings.js');
  let prefix = 'nur-';
  try {
    const { resolveSettings } = await import('../settings.js');
    prefix = resolveSettings(context).inputPrefix;
  } catch {
    // An invalid setting is reported by commands that use it; the default prefix still helps here.
  }
  if (target.includes('/'))
    names.push(
      toNixIdentifier(
        target
          .replace(/\.git$/, '')
          .split('/')
          .at(-1)!,
      ),
    );
  else names.push(toNixIdentifier(`${prefix}${target.split('.')[0]}`));
  return [...new Set(names)];
}

/** Inputs whose URL is the repo's flake URL, when the argument names a NUR repo. */
async function inputsForRepo(
  target: string,
  inputs: { name: string; url?: string }[],
  context: AppContext,
): Promise<string[]> {
  let index;
  try {
    index = await context.loadIndex();
  } catch {
    return [];
  }
  const { resolveRef } = await import('../index/resolve.js');
  const resolved = resolveRef(index, target);
  const repo = resolved?.kind === 'repo' ? resolved.repo : resolved?.repo;
  if (!repo?.url) return [];
  const { repoFlakeUrl } = await import('../nix/flake-url.js');
  let url: string;
  try {
    url = repoFlakeUrl(repo);
  } catch {
    return [];
  }
  const base = (u: string) => u.replace(/\?.*$/, '').toLowerCase();
  return inputs.filter((i) => i.url && base(i.url) === base(url)).map((i) => i.name);
}

export async function removeRun(options: RemoveOptions, context: AppContext): Promise<number> {
  const target = options.target.trim();
  if (!target)
    throw new UsageError('nur remove needs an input name', 'Example: nur remove nur-mic92');
  const io = await import('./flake-edit-io.js');
  const file = await io.readFlakeFile(await io.flakePathOf(options.flake, context), context);
  const [{ listInputs }, { planRemoveInput }] = await Promise.all([
    import('../flake/list-inputs.js'),
    import('../flake/plan-remove.js'),
  ]);
  const inputs = listInputs(file.text, file.shown);
  const present = new Set(inputs.map((i) => i.name));
  let name = (await candidateNames(target, context)).find((n) => present.has(n));
  if (!name) {
    const byUrl = await inputsForRepo(target, inputs, context);
    if (byUrl.length === 1) name = byUrl[0];
  }
  // Not found: the plan names the inputs that do exist.
  const plan = planRemoveInput(file.text, name ?? target, { force: options.force }, file.shown);
  const removed = name ?? target;
  const { stdout, stderr } = context.io;
  await io.checkWithNix(plan.text, file, context);
  if (options.dryRun) {
    stdout.write(await io.unifiedDiff(file, plan.text, 3));
    for (const text of plan.notes) stderr.write(`nur: ${sanitizeLine(text)}\n`);
    stderr.write(`nur: dry run: ${file.shown} was not changed\n`);
    return ExitCode.ok;
  }
  await io.writeFlakeFile(file, plan.text);
  stdout.write(await io.unifiedDiff(file, plan.text, 1));
  stdout.write(`Removed ${removed} from ${file.shown}.\n`);
  for (const text of plan.notes) stderr.write(`nur: ${sanitizeLine(text)}\n`);
  stderr.write('nur: run `nix flake lock` to drop it from flake.lock\n');
  return ExitCode.ok;
}

export function registerRemove(program: Command, host: CommandHost): void {
  program
    .command('remove')
    .description('remove an input from flake.nix, with its follows, outputs formal and modules')
    .argument('<input>', 'the input name (nur-mic92), or the REF it was added with (mic92, nur)')
    .option('--flake <path>', 'flake.nix or its directory (default: ./flake.nix)')
    .option('--dry-run', 'print the change as a unified diff and write nothing')
    .option('--force', 'remove it even though the name is still used elsewhere in the file')
    .addHelpText(
      'after',
      `
Examples:
  $ nur remove nur-mic92
  $ nur remove mic92 --dry-run          # the input nur add mic92 created
  $ nur remove nur --flake ~/nixos-config --force`,
    )
    .action(async (target: string, opts: Omit<RemoveOptions, 'target'>, cmd: Command) => {
      host.exit(await removeRun({ target, ...opts }, host.context(cmd)));
    });
}
