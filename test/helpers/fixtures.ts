// Real NUR data from ../shared/fixtures/nur, read in place (never copied into the project).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NurIndex, Package, Repo } from '../../src/model.js';
import { normalizePackages, normalizeRepos } from '../../src/index/normalize.js';

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES_DIR = resolve(here, '../../../shared/fixtures/nur');

export const fixturePath = (name: string) => join(FIXTURES_DIR, name);
export const readFixture = (name: string) => readFileSync(fixturePath(name), 'utf8');
export const readFixtureJson = (name: string): unknown => JSON.parse(readFixture(name));

let cachedIndex: NurIndex | undefined;

/** The whole real packages.json with repos.json and its lock, normalised. */
export function fixtureIndex(): NurIndex {
  if (cachedIndex) return cachedIndex;
  const { packages } = normalizePackages(readFixtureJson('packages.json'));
  const repos = normalizeRepos(readFixtureJson('repos.json'), readFixtureJson('repos.json.lock'));
  cachedIndex = {
    packages,
    repos,
    meta: {
      packagesUrl: fixturePath('packages.json'),
      reposUrl: fixturePath('repos.json'),
      lockUrl: fixturePath('repos.json.lock'),
      fetchedAt: '2026-01-01T00:00:00.000Z',
      packageCount: packages.length,
      repoCount: Object.keys(repos).length,
    },
  };
  return cachedIndex;
}

export function fixturePackage(ref: string): Package {
  const pkg = fixtureIndex().packages.find((p) => p.ref === ref);
  if (!pkg) throw new Error(`fixture has no package ${ref}`);
  return pkg;
}

export function fixtureRepo(name: string): Repo {
  const repo = fixtureIndex().repos[name];
  if (!repo) throw new Error(`fixture has no repo ${name}`);
  return repo;
}

/** The 8,378 real keys of a full-size index, one `nur.repos.<repo>.<attr>` per line. */
export function realKeys(): string[] {
  return readFixture('keys.nix-search-tv-2025-02.txt').split('\n').filter(Boolean);
}
