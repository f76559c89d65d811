// The commander program: global options, command registration, and mapping errors to exit codes.
import { Command, CommanderError, Option } from 'commander';
import type { AppContext, GlobalOptions } from './context.js';
import { ExitCode, NurError } from './errors.js';
import { sanitizeLine } from './term/sanitize.js';
import { VERSION } from './version.js';
import { registerSearch } from './commands/search.js';
import { registerShow } from './commands/show.js';
import { registerAdd } from './commands/add.js';
import { registerRemove } from './commands/remove.js';
import { registerInputs } from './commands/inputs.js';
import { registerRepos } from './commands/repos.js';
import { registerUpdate } from './commands/update.js';
import { registerConfig } from './commands/config.js';
import { registerCompletion } from './commands/completion.js';

/** What command actions get from the process running them. */
export interface CommandHost {
  /** The context for this run, built from the global options seen by `command`. */
  context(command: Command): AppContext;
  /** Records the exit code a command's run function returned. */
  exit(code: number): void;
}

const programExamples = `
Examples:
  $ nur search exporter              # ranked matches; a picker when run in a terminal
  $ nur show mic92.goatcounter       # everything about a package, with ready-to-paste Nix
  $ nur add mic92                    # wire a NUR repo into ./flake.nix
  $ source <(nur completion bash)    # TAB-complete commands, package refs and repo names

Run \`nur help COMMAND\` for a command's options and examples.`;

export function buildProgram(host: CommandHost): Command {
  const program = new Command('nur')
    .description(
      'Search the Nix User Repository, show ready-to-paste Nix, and add NUR repos to flake.nix',
    )
    .version(VERSION, '-V, --version', 'print the version')
    .option('--offline', 'never touch the network; use the cached index')
    .addOption(
      new Option('--index-url <url>', 'packages index URL or path (https://, http://, file://)'),
    )
    .option('--no-color', 'disable colour (also NO_COLOR)')
    .option('--verbose', 'print details and stack traces on errors')
    .showSuggestionAfterError(true)
    .addHelpText('after', programExamples)
    .exitOverride();
  // One line per command, in the order `nur --help` lists them; each lives in src/commands/<name>.ts.
  registerSearch(program, host);
  registerShow(program, host);
  registerAdd(program, host);
  registerRemove(program, host);
  registerInputs(program, host);
  registerRepos(program, host);
  registerUpdate(program, host);
  registerConfig(program, host);
  registerCompletion(program, host);
  return program;
}

export function globalOptionsOf(command: Command): GlobalOptions {
  return command.optsWithGlobals() as GlobalOptions;
}

export function reportError(
  error: unknown,
  verbose: boolean,
  stderr: { write(chunk: string): unknown },
): number {
  if (error instanceof CommanderError) {
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    ) {
      return ExitCode.ok;
    }
    // commander already printed its message.
    return ExitCode.usage;
  }
  if (error instanceof NurError) {
    stderr.write(`nur: ${sanitizeLine(error.message)}\n`);
    if (error.hint) stderr.write(`${sanitizeLine(error.hint)}\n`);
    if (verbose && error.cause instanceof Error)
      stderr.write(`${error.cause.stack ?? error.cause.message}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`nur: unexpected error: ${sanitizeLine(message)}\n`);
  if (verbose && error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
  else stderr.write('Run again with --verbose for details.\n');
  return ExitCode.failure;
}
