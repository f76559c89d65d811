import { describe, expect, it } from 'vitest';
import {
  normalizePackage,
  normalizePackages,
  normalizeRepos,
  splitIndexKey,
} from '../../src/index/normalize.js';
import { fixtureIndex, readFixtureJson } from '../helpers/fixtures.js';

describe('normalizePackages on the real index', () => {
  const raw = readFixtureJson('packages.json') as Record<string, unknown>;
  const { packages, skipped } = normalizePackages(raw);

  it('keeps every real entry', () => {
    expect(skipped).toBe(0);
    expect(packages).toHaveLength(Object.keys(raw).length);
  });

  it('gives every package a consistent ref and attr path', () => {
    for (const pkg of packages) {
      expect(pkg.attrPath).toBe(`nur.repos.${pkg.repo}.${pkg.attr}`);
      expect(pkg.ref).toBe(`${pkg.repo}.${pkg.attr}`);
      expect(raw[pkg.attrPath]).toBeDefined();
      expect(typeof pkg.description).toBe('string');
      expect(Array.isArray(pkg.licenses)).toBe(true);
    }
  });

  it('keeps dotted attrs whole', () => {
    const nested = packages.filter((p) => p.attr.includes('.'));
    expect(nested.length).toBe(121);
  });

  it('counts broken and unavailable packages as the index says', () => {
    expect(packages.filter((p) => p.broken)).toHaveLength(63);
    expect(packages.filter((p) => !p.available)).toHaveLength(168);
  });

  it('reads licences from objects, lists, strings and the misspelled key', () => {
    const withLicence = packages.filter((p) => p.licenses.length > 0).length;
    // 1,232 have meta.license; 4 more only have meta.licenses and 1 meta.licence.
    expect(withLicence).toBeGreaterThanOrEqual(1232);
    const mit = packages.filter((p) => p.licenses.some((l) => l.spdxId === 'MIT'));
    expect(mit.length).toBeGreaterThan(100);
  });
});

describe('normalizePackage quirks', () => {
  it('handles a minimal entry with only meta.description', () => {
    const pkg = normalizePackage('nur.repos.mic92.untilport', {
      name: 'untilport-0.1',
      meta: { description: 'wait for a port' },
    });
    expect(pkg).toMatchObject({
      pname: 'untilport',
      version: '',
      description: 'wait for a port',
      available: true,
    });
  });

  it('falls back from an empty version to meta.version and derives pname from name', () => {
    const pkg = normalizePackage('nur.repos.a.b', {
      name: 'foo-bar-1.2.3',
      version: '',
      meta: { version: '1.2.3' },
    });
    expect(pkg?.pname).toBe('foo-bar');
    expect(pkg?.version).toBe('1.2.3');
  });

  it('treats a pasted licence text as a full name, not an id', () => {
    const pkg = normalizePackage('nur.repos.a.b', {
      name: 'b',
      meta: { license: 'Copyright (c) 2024 someone. Permission to use...' },
    });
    expect(pkg?.licenses[0]?.spdxId).toBeUndefined();
    expect(pkg?.licenses[0]?.fullName).toMatch(/^Copyright/);
  });

  it('survives wrong types and huge strings', () => {
    const pkg = normalizePackage('nur.repos.evil.x', {
      name: 42,
      version: { a: 1 },
      meta: {
        description: 'x'.repeat(100_000),
        license: [null, 3, { spdxId: 7 }],
        maintainers: 'me',
        platforms: [1, 'x86_64-linux'],
        broken: 'yes',
      },
    });
    expect(pkg).toBeDefined();
    expect(pkg!.description.length).toBeLessThanOrEqual(500);
    expect(pkg!.licenses).toEqual([]);
    expect(pkg!.platforms).toEqual(['x86_64-linux']);
    expect(pkg!.broken).toBe(false);
    expect(pkg!.name).toBe('x');
  });

  it('rejects entries that are not objects or have no repo', () => {
    expect(normalizePackage('nur.repos.a.b', 'str')).toBeUndefined();
    expect(normalizePackage('garbage', {})).toBeUndefined();
  });

  it('refuses a top-level array', () => {
    expect(() => normalizePackages([])).toThrow(/not a JSON object/);
  });

  it('splits keys whose repo starts with a digit and whose attr has dots', () => {
    expect(splitIndexKey('nur.repos.0komo.linuxKernel.packages.x')).toEqual({
      repo: '0komo',
      attr: 'linuxKernel.packages.x',
    });
  });
});

describe('normalizeRepos', () => {
  const repos = normalizeRepos(readFixtureJson('repos.json'), readFixtureJson('repos.json.lock'));

  it('keeps all 563 repos with their hosts', () => {
    expect(Object.keys(repos)).toHaveLength(563);
    expect(repos.mic92?.host).toBe('github');
    expect(repos.dima?.host).toBe('gitlab');
    expect(repos.arteneko?.host).toBe('sourcehut');
    expect(repos.AndrewKvalheim?.host).toBe('codeberg');
    expect(repos.colinsane?.host).toBe('git');
    expect(repos['999eagle']?.host).toBe('gitlab');
  });

  it('carries file, branch, submodules and the locked rev', () => {
    expect(repos.colinsane?.file).toBe('integrations/nur/default.nix');
    expect(repos.eh5?.branch).toBe('main');
    expect(repos.milahu?.submodules).toBe(true);
    expect(repos['0komo']?.lockedRev).toBe('895f0fe9ced70b1a93050aff3ce0803761a1a36f');
  });

  it('leaves a repo missing from the lock without a rev', () => {
    const lockless = Object.values(repos).filter((r) => !r.lockedRev);
    expect(lockless.length).toBeGreaterThanOrEqual(1);
  });

  it('builds the fixture index used across tests', () => {
    expect(fixtureIndex().packages.length).toBe(1473);
  });
});
