// The fish completion script: one function walks the command line the way the bash and zsh
// scripts do and prints `candidate<TAB>description` lines; fish filters them by the typed token.
import type { ProgramSpec, ValueKind } from './spec.js';
import {
  NAMES_AWK,
  choicesOf,
  kindWord,
  oneLine,
  optionsAt,
  pathKey,
  subcommandSteps,
  subcommandsOf,
} from './shared.js';

/** fish quoting: inside single quotes only `\` and `'` are special. */
function fishQuote(text: string): string {
  return `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

const echoKind = (value: ValueKind) =>
  `echo ${kindWord(value) || "''"} ${fishQuote(choicesOf(value).join(' '))}`.trimEnd();

/** `case` patterns in fish are globs; names never contain `*`, `?` or `[`. */
function switchFunction(name: string, comment: string, subject: string, arms: string[]): string {
  return [
    `# ${comment}`,
    `function ${name}`,
    `    switch ${subject}`,
    ...arms,
    '    end',
    'end',
  ].join('\n');
}

function tables(spec: ProgramSpec): string {
  const step = switchFunction(
    '__nur_step',
    '$argv: command path, word; prints the subcommand path the word enters.',
    '"$argv[1]|$argv[2]"',
    [
      ...subcommandSteps(spec).map(
        ({ from, word, to }) =>
          `        case ${fishQuote(`${from}|${word}`)}\n            echo ${fishQuote(to)}`,
      ),
      "        case '*'\n            return 1",
    ],
  );
  const optionArms: string[] = [];
  for (const command of spec.commands) {
    if (command.path.length === 0) continue;
    for (const option of command.options.filter((o) => o.takesValue))
      for (const flag of option.flags)
        optionArms.push(
          `        case ${fishQuote(`${pathKey(command.path)}|${flag}`)}\n            ${echoKind(option.value)}`,
        );
  }
  for (const option of spec.globalOptions.filter((o) => o.takesValue))
    for (const flag of option.flags)
      optionArms.push(
        `        case ${fishQuote(`*|${flag}`)}\n            ${echoKind(option.value)}`,
      );
  const optionKind = switchFunction(
    '__nur_option_kind',
    '$argv: command path, option; prints its value kind and choices, or fails when it takes none.',
    '"$argv[1]|$argv[2]"',
    [...optionArms, "        case '*'\n            return 1"],
  );
  const argArms = spec.commands
    .filter((command) => command.args.some((arg) => arg.value.kind !== 'none'))
    .map((command) => {
      const lines = command.args.map((arg, index) =>
        arg.variadic
          ? `            if test $argv[2] -ge ${index}; ${echoKind(arg.value)}; return; end`
          : `            if test $argv[2] -eq ${index}; ${echoKind(arg.value)}; return; end`,
      );
      return `        case ${fishQuote(pathKey(command.path))}\n${lines.join('\n')}`;
    });
  const argKind = switchFunction(
    '__nur_arg_kind',
    '$argv: command path, index of a positional argument; prints its value kind and choices.',
    '"$argv[1]"',
    argArms,
  );
  const subcommandArms = spec.commands.map((command) => {
    const lines = subcommandsOf(spec, command).map(
      (s) => `            printf '%s\\t%s\\n' ${fishQuote(s.name)} ${fishQuote(s.description)}`,
    );
    return `        case ${fishQuote(pathKey(command.path))}\n${lines.join('\n') || '            true'}`;
  });
  const subcommands = switchFunction(
    '__nur_subcommands',
    '$argv: command path; prints its subcommands with descriptions.',
    '"$argv[1]"',
    subcommandArms,
  );
  const optionListArms = spec.commands.map((command) => {
    const lines = optionsAt(spec, command).flatMap((o) =>
      o.flags.map(
        (flag) =>
          `            printf '%s\\t%s\\n' ${fishQuote(flag)} ${fishQuote(oneLine(o.description))}`,
      ),
    );
    return `        case ${fishQuote(pathKey(command.path))}\n${lines.join('\n')}`;
  });
  const options = switchFunction(
    '__nur_options',
    '$argv: command path; prints the options it accepts with descriptions.',
    '"$argv[1]"',
    optionListArms,
  );
  return [step, optionKind, argKind, subcommands, options].join('\n\n');
}

const names = `# Names from the index cache that \`nur update\` writes; no node start and no index parse per TAB.
# $argv: ref|repo, the token typed so far.
function __nur_names
    set -l dir $XDG_CACHE_HOME
    test -n "$dir"; or set dir $HOME/.cache
    set -l file $dir/nur/names.txt
    test -r $file; or return 0
    NUR_COMP_KIND=$argv[1] NUR_COMP_CUR=$argv[2] awk ${fishQuote(
      `BEGIN { kind = ENVIRON["NUR_COMP_KIND"]; cur = ENVIRON["NUR_COMP_CUR"] }\n${NAMES_AWK}`,
    )} $file 2>/dev/null
end`;

const main = `# $argv: value kind, choices, the token typed so far.
function __nur_complete_kind
    switch $argv[1]
        case ref repo
            __nur_names $argv[1] $argv[3]
        case file
            __fish_complete_path $argv[3]
        case command
            __nur_subcommands ''
        case choices
            string split ' ' -- $argv[2]
    end
end

function __nur_complete
    set -l tokens (commandline -opc)
    set -l cur (commandline -ct)
    set -l cmdpath ''
    set -l npos 0
    set -l pending ''
    set -l dashdash ''
    for word in $tokens[2..-1]
        if test -n "$pending"
            set pending ''
        else if test -z "$dashdash"; and test "$word" = --
            set dashdash 1
        else if test -z "$dashdash"; and string match -q -- '-*' $word
            if not string match -q -- '*=*' $word; and __nur_option_kind $cmdpath $word >/dev/null
                set pending $word
            end
        else if set -l next (__nur_step $cmdpath $word); and test $npos -eq 0
            set cmdpath $next
        else
            set npos (math $npos + 1)
        end
    end
    if test -n "$pending"
        set -l kind (__nur_option_kind $cmdpath $pending | string split ' ' -m 1)
        __nur_complete_kind $kind[1] "$kind[2]" $cur
    else if test -z "$dashdash"; and string match -q -- '--*=*' $cur
        set -l option (string split -m 1 = -- $cur)
        if set -l kind (__nur_option_kind $cmdpath $option[1] | string split ' ' -m 1)
            __nur_complete_kind $kind[1] "$kind[2]" $option[2] | string replace -r '^' -- "$option[1]="
        end
    else if test -z "$dashdash"; and string match -q -- '-*' $cur
        __nur_options $cmdpath
    else
        test $npos -eq 0; and __nur_subcommands $cmdpath
        set -l kind (__nur_arg_kind $cmdpath $npos | string split ' ' -m 1)
        test -n "$kind[1]"; and __nur_complete_kind $kind[1] "$kind[2]" $cur
    end
end

complete -c nur -e
complete -c nur -f -a '(__nur_complete)'`;

export function fishScript(spec: ProgramSpec, version: string): string {
  return [
    `# fish completion for ${spec.name} ${version}, generated by \`${spec.name} completion fish\`.`,
    '# Save it as ~/.config/fish/completions/nur.fish, or run `nur completion fish | source`.',
    '',
    names,
    '',
    tables(spec),
    '',
    main,
    '',
  ].join('\n');
}
