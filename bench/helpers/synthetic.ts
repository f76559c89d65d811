// Synthetic NUR indexes of any size, built from real data so sizes and shapes match the real file:
// the 8,378 real keys of keys.nix-search-tv-2025-02.txt give the attr paths, and the 1,473 real
// entries of packages.json are cycled onto them for every other field (meta, platforms, licences,
// maintainers, positions, outputs). For a multiplier above 1 the keys repeat with a suffix on the
// attr (`foo`, `foo-x1`, `foo-x2`, …); below 1 the key list is cut.
//
// API (shared with the search benchmark):
//   syntheticPackagesJson(multiplier)  packages.json text, pretty-printed like the real file (indent 4)
//   syntheticPackagesObject(multiplier) the same as a parsed object
//   syntheticIndex(multiplier)         normalised NurIndex with the fixture repos.json and lock
//   REAL_KEY_COUNT                     8,378
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizePackages, normalizeRepos } from '../../src/index/normalize.js';
import type { NurIndex } from '../../src/model.js';

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES_DIR = resolve(here, '../../../shared/fixtures/nur');
const readFixture = (name: string) => readFileSync(join(FIXTURES_DIR, name), 'utf8');

let realKeys: string[] | undefined;
let realEntries: Record<string, unknown>[] | undefined;

function keys(): string[] {
  realKeys ??= readFixture('keys.nix-search-tv-2025-02.txt').split('\n').filter(Boolean);
  return realKeys;
}

function entries(): Record<string, unknown>[] {
  realEntries ??= Object.values(
    JSON.parse(readFixture('packages.json')) as Record<string, Record<string, unknown>>,
  );
  return realEntries;
}

export const REAL_KEY_COUNT = 8_378;

/** `nur.repos.<repo>.<attr>` → parts; the attr may contain dots. */
function split(key: string): { repo: string; attr: string } {
  const match = /^nur\.repos\.([^.]+)\.(.+)$/.exec(key);
  if (!match) throw new Error(`not an index key: ${key}`);
  return { repo: match[1]!, attr: match[2]! };
}

export function syntheticPackagesObject(multiplier: number): Record<string, unknown> {
  const base = keys();
  const total = Math.max(1, Math.round(base.length * multiplier));
  const values = entries();
  const out: Record<string, unknown> = {};
  for (let i = 0; i < total; i++) {
    const copy = Math.floor(i / base.length);
    const { repo, attr: baseAttr } = split(base[i % base.length]!);
    const attr = copy === 0 ? baseAttr : `${baseAttr}-x${copy}`;
    const real = values[i % values.length]!;
    // The attr's last segment stands in for the pname so names and attrs agree as in real data.
    const pname = attr.slice(attr.lastIndexOf('.') + 1);
    const version = typeof real.version === 'string' ? real.version : '';
    out[`nur.repos.${repo}.${attr}`] = {
      ...real,
      name: version ? `${pname}-${version}` : pname,
      pname,
      _attr: attr,
      _repo: repo,
    };
  }
  return out;
}

/** Pretty-printed like the published file (Python json.dump indent=4), so byte sizes are real. */
export function syntheticPackagesJson(multiplier: number): string {
  return JSON.stringify(syntheticPackagesObject(multiplier), null, 4);
}

export function syntheticIndex(multiplier: number): NurIndex {
  const { packages } = normalizePackages(syntheticPackagesObject(multiplier));
  const repos = normalizeRepos(
    JSON.parse(readFixture('repos.json')),
    JSON.parse(readFixture('repos.json.lock')),
  );
  return {
    packages,
    repos,
    meta: {
      packagesUrl: `synthetic:${multiplier}x`,
      reposUrl: join(FIXTURES_DIR, 'repos.json'),
      lockUrl: join(FIXTURES_DIR, 'repos.json.lock'),
      fetchedAt: new Date(0).toISOString(),
      packageCount: packages.length,
      repoCount: Object.keys(repos).length,
    },
  };
}
