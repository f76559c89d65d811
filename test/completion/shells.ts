// Asks real bash, zsh and fish for the candidates a completion script offers for a command line.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export type Env = Record<string, string>;

const lines = (text: string) => text.split('\n').filter((line) => line !== '');

function run(command: string, args: string[], env: Env, cwd?: string): string {
  return execFileSync(command, args, {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
    cwd,
    timeout: 20_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Sources the script, sets COMP_WORDS/COMP_CWORD as bash would for `words`, calls _nur. */
export function bashComplete(script: string, words: string[], env: Env, cwd?: string): string[] {
  const program = [
    'source "$1"; shift',
    'COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}',
    '_nur nur "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  return lines(
    run('bash', ['--norc', '--noprofile', '-c', program, 'bash', script, ...words], env, cwd),
  );
}

/** Types `line` and TAB into an interactive zsh with compinit and the script loaded. */
export function zshComplete(script: string, line: string, env: Env, cwd?: string): string[] {
  return lines(run('zsh', ['-f', join(here, 'zsh-capture.zsh'), script, line], env, cwd));
}

/** fish's own `complete -C`, which prints `candidate<TAB>description`. */
export function fishComplete(script: string, line: string, env: Env, cwd?: string): string[] {
  const output = run(
    'fish',
    ['--no-config', '-c', 'source $argv[1]; complete -C $argv[2]', script, line],
    env,
    cwd,
  );
  return lines(output).map((entry) => entry.split('\t')[0]!);
}
