// Pieces every shell script shares: quoting, lookup tables derived from the spec, and the awk
// program that reads the index's name list (so a TAB never starts node or parses the index).
import type { CommandSpec, OptionSpec, ProgramSpec, ValueKind } from './spec.js';

/** Single-quotes a word for POSIX shells, zsh and fish alike (`'` becomes `'\''`, `'\''` in fish too). */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Descriptions go on one line, without control characters, in bounded length. */
export function oneLine(text: string, max = 80): string {
  // eslint-disable-next-line no-control-regex
  const line = text
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** A kind as a short word the scripts switch on: `ref`, `repo`, `file`, `command`, `choices`. */
export function kindWord(value: ValueKind): string {
  return value.kind === 'none' ? '' : value.kind;
}

export function choicesOf(value: ValueKind): string[] {
  return value.kind === 'choices' ? value.choices : [];
}

export const pathKey = (path: readonly string[]) => path.join(' ');

/** Every word that moves from one command to a subcommand: primary names and aliases. */
export function subcommandSteps(spec: ProgramSpec): { from: string; word: string; to: string }[] {
  const steps: { from: string; word: string; to: string }[] = [];
  for (const command of spec.commands) {
    if (command.path.length === 0) continue;
    const from = pathKey(command.path.slice(0, -1));
    for (const word of command.names) steps.push({ from, word, to: pathKey(command.path) });
  }
  return steps;
}

/** Options a user may type at a command: its own, then the program's global ones. */
export function optionsAt(spec: ProgramSpec, command: CommandSpec): OptionSpec[] {
  const own = command.options;
  const seen = new Set(own.flatMap((option) => option.flags));
  return [...own, ...spec.globalOptions.filter((o) => !o.flags.some((flag) => seen.has(flag)))];
}

/** Descriptions of a command's direct subcommands, by name. */
export function subcommandsOf(spec: ProgramSpec, command: CommandSpec) {
  return command.subcommands.map((name) => {
    const sub = spec.commands.find(
      (c) => c.path.length === command.path.length + 1 && c.path.at(-1) === name,
    );
    return { name, description: oneLine(sub?.description ?? '') };
  });
}

/**
 * Reads names.txt (src/index/cache.ts: package refs `repo.attr`, then repo names as `@repo`, one
 * per line) and prints the candidates for `cur`: repo names while `cur` has no dot or when only
 * repos are wanted, else refs starting with `cur`. `index()` compares literally, so a typed `.` or
 * `*` is never a pattern.
 */
export const NAMES_AWK = [
  'BEGIN { repos = kind == "repo" || index(cur, ".") == 0 }',
  'substr($0, 1, 1) == "@" { if (repos && index($0, "@" cur) == 1) print substr($0, 2); next }',
  '!repos && index($0, cur) == 1 { print }',
].join('\n');
