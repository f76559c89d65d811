// `nur completion <shell>`: prints a completion script generated from the registered commands.
import { Argument, type Command } from 'commander';
import type { AppContext } from '../context.js';
import { ExitCode, UsageError } from '../errors.js';
import type { CommandHost } from '../program.js';
import { VERSION } from '../version.js';
import { SHELLS, completionScript, isShell } from '../completion/index.js';

export interface CompletionOptions {
  shell: string;
  /** The root program whose commands and options the script completes. */
  program: Command;
}

export async function completionRun(
  options: CompletionOptions,
  context: AppContext,
): Promise<number> {
  const shell = options.shell.trim().toLowerCase();
  if (!isShell(shell))
    throw new UsageError(
      `unknown shell '${options.shell}': expected one of ${SHELLS.join(', ')}`,
      'Run `nur completion --help` for how to install each.',
    );
  context.io.stdout.write(completionScript(shell, options.program, VERSION));
  return ExitCode.ok;
}

const examples = `
Examples:
  $ source <(nur completion bash)                    # in ~/.bashrc
  $ nur completion zsh > ~/.zfunc/_nur               # with fpath+=(~/.zfunc) before compinit
  $ nur completion fish > ~/.config/fish/completions/nur.fish

Package refs and repo names complete from the cached index (run \`nur update\` once).`;

export function registerCompletion(program: Command, host: CommandHost): void {
  // The choices are listed for help and for the scripts themselves; completionRun checks the value
  // so a wrong shell is a UsageError with a hint, like every other bad input.
  const shellArgument = new Argument('<shell>', 'bash, zsh or fish')
    .choices(SHELLS)
    .argParser((value: string) => value);
  program
    .command('completion')
    .description('print a shell completion script for bash, zsh or fish')
    .addArgument(shellArgument)
    .addHelpText('after', examples)
    .action(async (shell: string, _opts: unknown, cmd: Command) => {
      host.exit(await completionRun({ shell, program }, host.context(cmd)));
    });
}
