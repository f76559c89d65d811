// Flake editing benchmarks on the test corpus: loading the parser, parsing, and planning add and
// remove, for a typical flake.nix and for the largest corpus file (~5,000 lines). Prints numbers only.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), '../test/flake/corpus');
const ms = (start: number) => Math.round((performance.now() - start) * 100) / 100;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timeIt(runs: number, fn: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(ms(t));
  }
  return median(times);
}

let t = performance.now();
const [{ parseNix, getNixParser }, { planAddInput }, { planRemoveInput }] = await Promise.all([
  import('../src/flake/parse.js'),
  import('../src/flake/plan-add.js'),
  import('../src/flake/plan-remove.js'),
]);
const importMs = ms(t);
t = performance.now();
getNixParser();
const parserBuildMs = ms(t);

const files = readdirSync(CORPUS).filter((f) => f.endsWith('.nix'));
const bySize = [...files].sort(
  (a, b) => statSync(join(CORPUS, a)).size - statSync(join(CORPUS, b)).size,
);
const typical = bySize[Math.floor(bySize.length / 2)]!;
const largest = bySize.at(-1)!;
const request = {
  name: 'nur-bench',
  url: 'github:owner/nur-packages',
  flake: true,
  followsNixpkgs: true,
  modules: [{ kind: 'nixos' as const, expr: 'nur-bench.nixosModules.default' }],
};

console.log(`import flake editing modules: ${importMs} ms; build parser: ${parserBuildMs} ms`);
for (const file of [typical, largest]) {
  const text = readFileSync(join(CORPUS, file), 'utf8');
  const lines = text.split('\n').length;
  const runs = lines > 1000 ? 20 : 200;
  const parse = timeIt(runs, () => parseNix(text));
  const add = timeIt(runs, () => planAddInput(text, request));
  const added = planAddInput(text, request).text;
  const remove = timeIt(runs, () => planRemoveInput(added, request.name));
  console.log(
    `${file} (${lines} lines): parse ${parse} ms, plan add ${add} ms, plan remove ${remove} ms (median of ${runs})`,
  );
}
t = performance.now();
let edits = 0;
for (const file of files) {
  const text = readFileSync(join(CORPUS, file), 'utf8');
  planRemoveInput(planAddInput(text, request).text, request.name);
  edits++;
}
console.log(`add then remove over all ${edits} corpus files: ${ms(t)} ms`);
console.log(`peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
