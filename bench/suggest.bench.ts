// Did-you-mean latency (`nur show` with an unknown REF) on the real-size index (8,378 refs) and 10×
// that: the first call (which lowercases and indexes the candidate list once) and warm calls over
// a fixed set of 20 mistyped, partial and absent refs.
import { syntheticIndex } from './helpers/synthetic.js';
import { suggest } from '../src/search/suggest.js';

const QUERIES = [
  'goatcountr',
  'mic29.goatcounter',
  'ijohane',
  'luakit',
  'hello-nur',
  'firefx',
  'colinsane.linuxKernel.packages',
  'x',
  'zzzzqqqq',
  'python3Packages.srtm',
  'androidsdk',
  'prometheus-hue',
  'nur',
  'emacsPackages',
  'kapack.oar',
  'lightspeed',
  'iosevka',
  'sane',
  'rust-hello',
  'neovim',
];
const ROUNDS = 10;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const ms = (n: number) => `${n.toFixed(2)} ms`;

for (const multiplier of [1, 10]) {
  const index = syntheticIndex(multiplier);
  const candidates = {
    refs: index.packages.map((p) => p.ref),
    repoNames: [...new Set(index.packages.map((p) => p.repo))],
  };
  let start = performance.now();
  suggest(QUERIES[0]!, candidates);
  const first = performance.now() - start;
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++)
    for (const query of QUERIES) {
      start = performance.now();
      suggest(query, candidates);
      times.push(performance.now() - start);
    }
  times.sort((a, b) => a - b);
  process.stdout.write(
    `suggest ×${multiplier} (${candidates.refs.length} refs): first call ${ms(first)}; ` +
      `warm p50 ${ms(percentile(times, 0.5))}, p95 ${ms(percentile(times, 0.95))}, max ${ms(times.at(-1)!)} ` +
      `over ${times.length} queries\n`,
  );
}
