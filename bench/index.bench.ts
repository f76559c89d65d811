// Index benchmarks on the fixture, a real-size synthetic index (8,378 packages, ~21 MB) and 10x that:
// normalise + write the cache, load the cache (in a fresh process each, so peak RSS is its own), the
// built CLI on that cache, and the built CLI's `nur update` of a real-size download from a local server.
// Targets: load of a real-size cache <= 30 ms; refresh of a ~20 MB download <= 1 s, peak RSS <= 200 MB.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadCache, writeCache } from '../src/index/cache.js';
import { normalizeRepos } from '../src/index/normalize.js';
import { normalizePackagesText } from '../src/index/packages-text.js';
import { FIXTURES_DIR, syntheticPackagesJson } from './helpers/synthetic.js';

const self = fileURLToPath(import.meta.url);
const HERE = dirname(self);
const NUR_BIN = resolve(HERE, '../bin/nur.js');
const ROOT = resolve(HERE, '../.bench-tmp/index-bench');
const maxRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const ms = (start: number) => Math.round((performance.now() - start) * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10;
const fixture = (name: string) => join(FIXTURES_DIR, name);

// ---- child stages (run under tsx): each prints one JSON line ----

async function stageNormalize(packagesFile: string, dir: string) {
  const text = readFileSync(packagesFile, 'utf8');
  let t = performance.now();
  const { packages } = normalizePackagesText(text);
  const repos = normalizeRepos(
    JSON.parse(readFileSync(fixture('repos.json'), 'utf8')),
    JSON.parse(readFileSync(fixture('repos.json.lock'), 'utf8')),
  );
  const normalizeMs = ms(t);
  t = performance.now();
  const meta = await writeCache(
    dir,
    { packages, repos },
    {
      fetchedAt: new Date().toISOString(),
      sources: {
        packages: { url: packagesFile },
        repos: { url: fixture('repos.json') },
        lock: { url: fixture('repos.json.lock') },
      },
    },
  );
  const writeMs = ms(t);
  const cacheBytes = statSync(join(dir, meta.indexFile)).size;
  return { packages: packages.length, normalizeMs, writeMs, cacheBytes, maxRssMb: maxRssMb() };
}

function stageLoad(dir: string) {
  const baselineRssMb = maxRssMb();
  const runs: number[] = [];
  const cpuRuns: number[] = [];
  let count = 0;
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const cached = loadCache(dir);
    runs.push(ms(t));
    const used = process.cpuUsage(cpu);
    cpuRuns.push(Math.round((used.user + used.system) / 100) / 10);
    if (cached.status !== 'ok') throw new Error(`cache not ok: ${JSON.stringify(cached)}`);
    count = cached.index.packages.length;
  }
  return {
    packages: count,
    firstMs: runs[0],
    medianMs: median(runs.slice(1)),
    medianCpuMs: median(cpuRuns.slice(1)),
    baselineRssMb,
    maxRssMb: maxRssMb(),
  };
}

// ---- parent ----

function child(args: string[]): Promise<Record<string, number>> {
  return new Promise((resolvePromise, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', self, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => {
      if (code !== 0) reject(new Error(`stage ${args[0]} exited ${code}`));
      else resolvePromise(JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>);
    });
  });
}

/** Runs the built CLI (dist/, built by `npm run bench`): wall time, peak RSS and CPU time. */
function runCli(
  args: string[],
  home: string,
  env: Record<string, string> = {},
): Promise<{ wallMs: number; maxRssMb: number; cpuMs: number; stdout: string }> {
  const usageFile = join(ROOT, `usage-${process.hrtime.bigint()}.json`);
  const reporter = pathToFileURL(join(HERE, 'helpers/report-usage.mjs')).href;
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const proc = spawn(process.execPath, ['--import', reporter, NUR_BIN, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        XDG_CACHE_HOME: join(home, 'cache'),
        XDG_CONFIG_HOME: join(home, 'config'),
        NUR_BENCH_USAGE_FILE: usageFile,
        ...env,
      },
    });
    let stdout = '';
    proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => {
      const wallMs = ms(start);
      if (code !== 0) return reject(new Error(`nur ${args.join(' ')} exited ${code}`));
      const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as {
        maxRssMb: number;
        cpuMs: number;
      };
      resolvePromise({ wallMs, stdout, ...usage });
    });
  });
}

async function main() {
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(ROOT, { recursive: true });
  const sizes: { label: string; file: string }[] = [
    { label: 'fixture', file: fixture('packages.json') },
  ];
  for (const [label, multiplier] of [
    ['real size', 1],
    ['10x', 10],
  ] as const) {
    const file = join(ROOT, `packages-${multiplier}x.json`);
    writeFileSync(file, syntheticPackagesJson(multiplier));
    sizes.push({ label, file });
  }

  console.log('normalise + write cache, load cache (fresh process each), built CLI on the cache');
  for (const size of sizes) {
    const home = join(ROOT, `home-${size.label.replace(/\W+/g, '-')}`);
    const dir = join(home, 'cache', 'nur');
    const n = await child(['normalize', size.file, dir]);
    const l = await child(['load', dir]);
    const cli = await runCli(['repos', 'mic92', '--offline'], home);
    console.log(
      `  ${size.label}: ${n.packages} packages, ${mb(statSync(size.file).size)} MB raw -> cache ${mb(n.cacheBytes!)} MB\n` +
        `    normalise (normalizePackagesText) ${n.normalizeMs} ms, write cache ${n.writeMs} ms, peak RSS ${n.maxRssMb} MB\n` +
        `    load cache: first ${l.firstMs} ms, median ${l.medianMs} ms (${l.medianCpuMs} ms CPU), ` +
        `peak RSS ${l.maxRssMb} MB (${l.baselineRssMb} MB before loading, tsx included)\n` +
        `    \`nur repos mic92 --offline\` (built CLI, start to exit): ${cli.wallMs} ms wall, ` +
        `${cli.cpuMs} ms CPU, peak RSS ${cli.maxRssMb} MB`,
    );
  }

  const { startIndexServer, FIXTURE_ROUTES } = await import('../test/helpers/index-server.js');
  const body = readFileSync(sizes[1]!.file);
  const server = await startIndexServer({
    ...FIXTURE_ROUTES(),
    '/packages.json': { body },
    '/packages-gzip.json': { body, gzip: true },
  });
  try {
    console.log(
      'refresh: built CLI `nur update` of the real-size index from a local server, no cache',
    );
    for (const path of ['/packages.json', '/packages-gzip.json']) {
      const home = join(ROOT, `refresh-${path.replace(/\W+/g, '-')}`);
      const r = await runCli(['update', '--index-url', `${server.baseUrl}${path}`], home, {
        NUR_REPOS_URL: server.url('/repos.json'),
        NUR_LOCK_URL: server.url('/repos.json.lock'),
      });
      console.log(
        `  ${path}: ${r.stdout.split('\n')[1]?.trim()}\n` +
          `    ${r.wallMs} ms wall (process start to exit), ${r.cpuMs} ms CPU, peak RSS ${r.maxRssMb} MB`,
      );
    }
  } finally {
    await server.close();
  }
  rmSync(ROOT, { recursive: true, force: true });
}

const [stage, ...args] = process.argv.slice(2);
if (stage === 'normalize') console.log(JSON.stringify(await stageNormalize(args[0]!, args[1]!)));
else if (stage === 'load') console.log(JSON.stringify(stageLoad(args[0]!)));
else await main();
