// Completion latency per TAB: the generated scripts read names.txt with awk inside the shell; the
// alternative, a hidden `nur __complete` subcommand, would start Node for every TAB. This measures
// both on the real-size key list (8,378 refs) and 10x that, so the choice stays an informed one.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildProgram } from '../src/program.js';
import { completionScript } from '../src/completion/index.js';
import { FIXTURES_DIR } from './helpers/synthetic.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../.bench-tmp/completion-bench');
const RUNS = 30;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** names.txt in the cache's format: refs, then `@repo` lines; `copies` > 1 multiplies the refs. */
function namesFile(copies: number): string {
  const refs = readFileSync(join(FIXTURES_DIR, 'keys.nix-search-tv-2025-02.txt'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((key) => key.replace(/^nur\.repos\./, ''));
  const lines: string[] = [];
  for (let copy = 0; copy < copies; copy++)
    for (const ref of refs) lines.push(copy === 0 ? ref : `${ref}-copy${copy}`);
  const repos = [...new Set(refs.map((ref) => ref.slice(0, ref.indexOf('.'))))].sort();
  return `${lines.join('\n')}\n${repos.map((repo) => `@${repo}`).join('\n')}\n`;
}

const program = buildProgram({
  context: () => {
    throw new Error('not run');
  },
  exit: () => {},
});

rmSync(ROOT, { recursive: true, force: true });
mkdirSync(join(ROOT, 'cache/nur'), { recursive: true });
const bashScript = join(ROOT, 'nur.bash');
const fishScript = join(ROOT, 'nur.fish');
writeFileSync(bashScript, completionScript('bash', program, 'bench'));
writeFileSync(fishScript, completionScript('fish', program, 'bench'));
const env = { PATH: process.env.PATH ?? '', HOME: ROOT, XDG_CACHE_HOME: join(ROOT, 'cache') };

/** Milliseconds per completion, timed inside bash so shell start-up is not counted. */
function bashPerTab(words: string[]): number {
  const program = `source "$1"; shift
COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
start=$EPOCHREALTIME
for ((n = 0; n < ${RUNS}; n++)); do _nur; done
end=$EPOCHREALTIME
echo "$(( (\${end/./} - \${start/./}) / ${RUNS} ))"`;
  const micros = execFileSync('bash', ['--norc', '-c', program, 'bash', bashScript, ...words], {
    env,
    encoding: 'utf8',
  });
  return Number(micros) / 1000;
}

/** Milliseconds per `complete -C`, timed inside fish. */
function fishPerTab(line: string): number {
  const program = `source $argv[1]
set start (date +%s%N)
for n in (seq ${RUNS}); complete -C $argv[2] >/dev/null; end
set end (date +%s%N)
math "($end - $start) / ${RUNS} / 1000000"`;
  return Number(
    execFileSync('fish', ['--no-config', '-c', program, fishScript, line], {
      env,
      encoding: 'utf8',
    }),
  );
}

/** Milliseconds for the built CLI to start and exit: the floor for any `nur __complete`. */
function nodeStart(): number {
  const times: number[] = [];
  for (let n = 0; n < 10; n++) {
    const start = performance.now();
    execFileSync(process.execPath, ['bin/nur.js', '--version'], { env, encoding: 'utf8' });
    times.push(performance.now() - start);
  }
  return median(times);
}

const round = (n: number) => Math.round(n * 100) / 100;
for (const copies of [1, 10]) {
  const text = namesFile(copies);
  writeFileSync(join(ROOT, 'cache/nur/names.txt'), text);
  const refs = text.split('\n').filter((line) => line && !line.startsWith('@')).length;
  console.log(
    JSON.stringify({
      names: `${refs} refs, ${Math.round(text.length / 1024)} KiB`,
      bashRefMs: round(bashPerTab(['nur', 'show', 'mic92.go'])),
      bashRefBigRepoMs: round(bashPerTab(['nur', 'show', 'colinsane.'])),
      bashRepoMs: round(bashPerTab(['nur', 'show', 'ijo'])),
      bashSubcommandMs: round(bashPerTab(['nur', 'sh'])),
      fishRefMs: round(fishPerTab('nur show mic92.go')),
      fishRefBigRepoMs: round(fishPerTab('nur show colinsane.')),
    }),
  );
}
console.log(
  JSON.stringify({ nodeStartMs: round(nodeStart()), note: 'floor of a `nur __complete` per TAB' }),
);
rmSync(ROOT, { recursive: true, force: true });
