// Lookup functions shared by the bash and zsh scripts (both read this `case` syntax the same way).
// They answer, for the command path walked so far: which word enters a subcommand, which options
// take a value and of what kind, and what each positional argument completes to.
import type { ArgumentSpec, ProgramSpec, ValueKind } from './spec.js';
import {
  NAMES_AWK,
  choicesOf,
  kindWord,
  optionsAt,
  pathKey,
  shellQuote,
  subcommandSteps,
  subcommandsOf,
} from './shared.js';

function setKind(value: ValueKind): string {
  return `__nur_kind=${kindWord(value) || "''"} __nur_choices=${shellQuote(choicesOf(value).join(' '))}`;
}

function stepFunction(spec: ProgramSpec): string {
  const cases = subcommandSteps(spec).map(
    ({ from, word, to }) => `    ${shellQuote(`${from}|${word}`)}) __nur_next=${shellQuote(to)} ;;`,
  );
  return [
    '# $1: command path so far, $2: a word; sets __nur_next to the subcommand path it enters.',
    '__nur_step() {',
    '  case "$1|$2" in',
    ...cases,
    "    *) __nur_next='' ;;",
    '  esac',
    '}',
  ].join('\n');
}

function optionKindFunction(spec: ProgramSpec): string {
  const lines: string[] = [];
  for (const command of spec.commands) {
    if (command.path.length === 0) continue;
    for (const option of command.options.filter((o) => o.takesValue))
      for (const flag of option.flags)
        lines.push(
          `    ${shellQuote(`${pathKey(command.path)}|${flag}`)}) ${setKind(option.value)} ;;`,
        );
  }
  // Global options are accepted at every depth; command options above win on a clash.
  for (const option of spec.globalOptions.filter((o) => o.takesValue))
    for (const flag of option.flags)
      lines.push(`    *${shellQuote(`|${flag}`)}) ${setKind(option.value)} ;;`);
  return [
    '# $1: command path, $2: an option; sets its value kind, or returns 1 when it takes no value.',
    '__nur_option_kind() {',
    '  case "$1|$2" in',
    ...lines,
    '    *) return 1 ;;',
    '  esac',
    '}',
  ].join('\n');
}

function argumentCases(args: ArgumentSpec[]): string {
  const cases = args.map((arg, index) =>
    arg.variadic
      ? `*) if (( $2 >= ${index} )); then ${setKind(arg.value)}; fi ;;`
      : `${index}) ${setKind(arg.value)} ;;`,
  );
  return `case $2 in ${cases.join(' ')} esac`;
}

function argumentKindFunction(spec: ProgramSpec): string {
  const lines = spec.commands
    .filter((command) => command.args.some((arg) => arg.value.kind !== 'none'))
    .map(
      (command) => `    ${shellQuote(pathKey(command.path))}) ${argumentCases(command.args)} ;;`,
    );
  return [
    '# $1: command path, $2: index of the positional argument; sets its value kind.',
    '__nur_arg_kind() {',
    "  __nur_kind='' __nur_choices=''",
    '  case "$1" in',
    ...lines,
    '  esac',
    '}',
  ].join('\n');
}

/** A function whose `case` runs one command per command path (`$1`); other paths do nothing. */
export function perPathFunction(
  name: string,
  comment: string,
  spec: ProgramSpec,
  valueFor: (path: string[]) => string,
): string {
  const lines = spec.commands.map(
    (command) => `    ${shellQuote(pathKey(command.path))}) ${valueFor(command.path)} ;;`,
  );
  return [`# ${comment}`, `${name}() {`, '  case "$1" in', ...lines, '  esac', '}'].join('\n');
}

/** Space-separated words per path: subcommand names, and every option spelling. */
export function wordListFunctions(spec: ProgramSpec): string {
  const subcommands = perPathFunction(
    '__nur_subcommands',
    '$1: command path; sets __nur_words to its subcommand names.',
    spec,
    (path) => {
      const command = spec.commands.find((c) => pathKey(c.path) === pathKey(path))!;
      return `__nur_words=${shellQuote(
        subcommandsOf(spec, command)
          .map((s) => s.name)
          .join(' '),
      )}`;
    },
  );
  const options = perPathFunction(
    '__nur_options',
    '$1: command path; sets __nur_words to the options it accepts.',
    spec,
    (path) => {
      const command = spec.commands.find((c) => pathKey(c.path) === pathKey(path))!;
      return `__nur_words=${shellQuote(
        optionsAt(spec, command)
          .flatMap((o) => o.flags)
          .join(' '),
      )}`;
    },
  );
  return `${subcommands}\n\n${options}`;
}

export function namesFunction(): string {
  return [
    '# Names from the index cache that `nur update` writes; no node start and no index parse per TAB.',
    '# $1: ref|repo, $2: the word typed so far.',
    '__nur_names() {',
    '  local file="${XDG_CACHE_HOME:-$HOME/.cache}/nur/names.txt"',
    '  [[ -r $file ]] || return 0',
    `  NUR_COMP_KIND="$1" NUR_COMP_CUR="$2" awk ${shellQuote(
      `BEGIN { kind = ENVIRON["NUR_COMP_KIND"]; cur = ENVIRON["NUR_COMP_CUR"] }\n${NAMES_AWK}`,
    )} "$file" 2>/dev/null`,
    '}',
  ].join('\n');
}

/**
 * The walk over the words before the cursor, in syntax bash and zsh share. `$i` starts at the index
 * of the first word after `nur`, `$last` is the index of the word being completed. It leaves `cmdpath`
 * (the command path), `npos` (positional arguments seen), `pending` (an option awaiting its value)
 * and `dashdash` (after `--`, everything is positional).
 */
export function walkWords(wordsVar: string): string {
  return [
    '  while (( i < last )); do',
    `    word=\${${wordsVar}[i]}`,
    "    if [[ $word == '=' ]]; then",
    '      # bash splits `--flake=x` at `=`; the word after it is the value.',
    '      pending=${pending:-=}',
    '    elif [[ -n $pending ]]; then',
    "      pending=''",
    '    elif [[ -z $dashdash && $word == -- ]]; then',
    '      dashdash=1',
    '    elif [[ -z $dashdash && $word == -* ]]; then',
    '      if [[ $word != *=* ]] && __nur_option_kind "$cmdpath" "$word"; then pending=$word; fi',
    '    else',
    '      __nur_step "$cmdpath" "$word"',
    '      if [[ -n $__nur_next && $npos == 0 ]]; then cmdpath=$__nur_next; else npos=$((npos + 1)); fi',
    '    fi',
    '    i=$((i + 1))',
    '  done',
  ].join('\n');
}

export function shTables(spec: ProgramSpec): string {
  return [
    namesFunction(),
    stepFunction(spec),
    optionKindFunction(spec),
    argumentKindFunction(spec),
    wordListFunctions(spec),
  ].join('\n\n');
}
