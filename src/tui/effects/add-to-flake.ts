// "Add the repo to ./flake.nix" from the TUI: the same code path as `nur add`, run first as a dry
// run to show the diff, then for real once the user confirmed.
import type { AddOptions } from '../../commands/add.js';
import type { AppContext } from '../../context.js';
import { sanitizeLine } from '../../term/sanitize.js';
import { recordingStream, withIo } from './borrowed-io.js';
import type { AddPlan, TuiEffects } from './types.js';

export type AddRun = (options: AddOptions, context: AppContext) => Promise<number>;

async function captured(context: AppContext, run: () => Promise<number>) {
  const stdout = recordingStream();
  const stderr = recordingStream();
  await withIo(
    context,
    {
      stdout,
      stderr,
      stdoutIsTTY: false,
      stderrIsTTY: false,
      canPrompt: false,
      canPromptOnStderr: false,
      width: undefined,
    },
    run,
  );
  const lines = (text: string) =>
    text
      .split('\n')
      .map((line) => sanitizeLine(line).replace(/^nur: /, ''))
      .filter(Boolean);
  return { stdout: stdout.text(), notes: lines(stderr.text()) };
}

/** The unified diff `nur add --dry-run` printed, from its `---` header on; empty when none. */
export function diffOf(output: string): string {
  const start = output.search(/^--- /m);
  return start === -1 ? '' : output.slice(start).trimEnd();
}

export function createAddToFlake(context: AppContext, addRun?: AddRun): TuiEffects['planAdd'] {
  const load = async (): Promise<AddRun> =>
    addRun ?? (await import('../../commands/add.js')).addRun;
  return async (pkg): Promise<AddPlan> => {
    const run = await load();
    const ref = pkg.ref;
    const dry = await captured(context, () => run({ ref, dryRun: true }, context));
    const notes = dry.notes.filter((note) => !note.startsWith('dry run:'));
    const diff = diffOf(dry.stdout);
    if (!diff) {
      // Already there: `nur add` said so on stdout.
      const said = dry.stdout.split('\n').map(sanitizeLine).find(Boolean);
      return { preview: { diff: '', summary: said ?? 'flake.nix needs no change', notes } };
    }
    return {
      preview: { diff, summary: `Add NUR repo ${sanitizeLine(pkg.repo)} to flake.nix`, notes },
      apply: async () => {
        const done = await captured(context, () => run({ ref }, context));
        const added = done.stdout
          .split('\n')
          .map(sanitizeLine)
          .find((line) => line.startsWith('Added '));
        return added ?? 'flake.nix updated';
      },
    };
  };
}
