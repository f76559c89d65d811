// The completion spec: what a shell needs to know about the program, read from the commander
// Command tree so the generated scripts follow every command and option as they are registered.
import type { Argument, Command, Option } from 'commander';

/** What a word in a value position completes to. */
export type ValueKind =
  /** A package ref (`mic92.goatcounter`) or, before the first dot, a repo name. */
  | { kind: 'ref' }
  /** A NUR repo name (`ijohanne`). */
  | { kind: 'repo' }
  | { kind: 'file' }
  | { kind: 'choices'; choices: string[] }
  /** A subcommand name of the program (`nur help <command>`). */
  | { kind: 'command' }
  | { kind: 'none' };

export interface OptionSpec {
  /** Every spelling: `['-f', '--flake']`. */
  flags: string[];
  description: string;
  takesValue: boolean;
  value: ValueKind;
}

export interface ArgumentSpec {
  name: string;
  variadic: boolean;
  value: ValueKind;
}

export interface CommandSpec {
  /** Words after the program name that select this command: `['config', 'get']`; `[]` is the root. */
  path: string[];
  /** Names that select this command from its parent, the primary name first. */
  names: string[];
  description: string;
  options: OptionSpec[];
  args: ArgumentSpec[];
  /** Direct subcommands by primary name. */
  subcommands: string[];
}

export interface ProgramSpec {
  name: string;
  /** Options of the program itself: accepted before and after any subcommand. */
  globalOptions: OptionSpec[];
  /** Every command, root first, flattened in registration order. */
  commands: CommandSpec[];
}

/** Picks a completion from a value's placeholder name, so `<ref>` completes refs wherever it appears. */
export function valueKindFor(placeholder: string, choices?: readonly string[]): ValueKind {
  if (choices && choices.length > 0) return { kind: 'choices', choices: [...choices] };
  const name = placeholder.toLowerCase();
  if (/^(refs?|packages?|package-refs?)$/.test(name)) return { kind: 'ref' };
  if (/^(repos?|repo-?names?)$/.test(name)) return { kind: 'repo' };
  if (/(path|file|dir|flake)$/.test(name)) return { kind: 'file' };
  if (name === 'command') return { kind: 'command' };
  return { kind: 'none' };
}

function placeholderOf(option: Option): string {
  const match = /[<[]([^>\]]+)[>\]]/.exec(option.flags);
  return match?.[1]?.replace(/\.\.\.$/, '') ?? '';
}

function optionSpec(option: Option): OptionSpec {
  const flags = [option.short, option.long].filter((flag): flag is string => Boolean(flag));
  const takesValue = option.required || option.optional;
  return {
    flags,
    description: option.description,
    takesValue,
    value: takesValue ? valueKindFor(placeholderOf(option), option.argChoices) : { kind: 'none' },
  };
}

function argumentSpec(argument: Argument): ArgumentSpec {
  return {
    name: argument.name(),
    variadic: argument.variadic,
    value: valueKindFor(argument.name(), argument.argChoices),
  };
}

function collect(command: Command, path: string[], out: CommandSpec[]): void {
  const help = command.createHelp();
  const subcommands = help.visibleCommands(command);
  out.push({
    path,
    names: [command.name(), ...command.aliases()],
    description: command.description(),
    // The root's own options are the global ones; they are listed once in ProgramSpec.
    options: path.length === 0 ? [] : help.visibleOptions(command).map(optionSpec),
    args: command.registeredArguments.map(argumentSpec),
    subcommands: subcommands.map((sub) => sub.name()),
  });
  for (const sub of subcommands) collect(sub, [...path, sub.name()], out);
}

export function programSpec(program: Command): ProgramSpec {
  const commands: CommandSpec[] = [];
  collect(program, [], commands);
  return {
    name: program.name(),
    globalOptions: program.createHelp().visibleOptions(program).map(optionSpec),
    commands,
  };
}

/** The spec of the command at `path`, if any. */
export function commandAt(spec: ProgramSpec, path: readonly string[]): CommandSpec | undefined {
  return spec.commands.find(
    (command) =>
      command.path.length === path.length && command.path.every((word, i) => word === path[i]),
  );
}
