import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NurError } from '../../src/errors.js';
import {
  compareRevs,
  flakeUrlLocation,
  lockedInput,
  lockedRefUrl,
  matchNurRepo,
  nurRepoMatcher,
  parseFlakeLock,
  reportInputs,
  resolveLockPath,
} from '../../src/flake/lock.js';
import type { Repo } from '../../src/model.js';
import { repoFlakeUrl } from '../../src/nix/flake-url.js';
import { fixtureIndex, fixtureRepo } from '../helpers/fixtures.js';
import { NIX_FLAKES } from '../helpers/nix.js';
import { GENERIC_STUB } from './corpus/stubs.js';
import { corpusPath } from './corpus/manifest.js';

const REV_A = 'a'.repeat(40);
const REV_B = 'b'.repeat(40);

/** A v7 lock as Nix writes it: nested follows (home-manager → nixpkgs) and a root-level follows. */
const handWrittenLock = JSON.stringify({
  nodes: {
    'flake-utils': {
      inputs: { systems: 'systems' },
      locked: { owner: 'numtide', repo: 'flake-utils', rev: REV_A, type: 'github' },
      original: { owner: 'numtide', repo: 'flake-utils', type: 'github' },
    },
    'home-manager': {
      inputs: { nixpkgs: ['nixpkgs'] },
      locked: { owner: 'nix-community', repo: 'home-manager', rev: REV_B, type: 'github' },
      original: { owner: 'nix-community', repo: 'home-manager', type: 'github' },
    },
    nixpkgs: {
      locked: { owner: 'NixOS', repo: 'nixpkgs', rev: 'c'.repeat(40), type: 'github' },
      original: { owner: 'NixOS', ref: 'nixos-unstable', repo: 'nixpkgs', type: 'github' },
    },
    systems: {
      locked: { owner: 'nix-systems', repo: 'default', rev: 'd'.repeat(40), type: 'github' },
      original: { owner: 'nix-systems', repo: 'default', type: 'github' },
    },
    root: {
      inputs: {
        'flake-utils': 'flake-utils',
        'home-manager': 'home-manager',
        nixpkgs: 'nixpkgs',
        'nixpkgs-stable': ['nixpkgs'],
        systems: ['flake-utils', 'systems'],
      },
    },
  },
  root: 'root',
  version: 7,
});

describe('parseFlakeLock', () => {
  it('reads the nodes, the root and the version of a v7 lock', () => {
    const lock = parseFlakeLock(handWrittenLock);
    expect(lock.version).toBe(7);
    expect(lock.root).toBe('root');
    expect(Object.keys(lock.nodes).sort()).toEqual([
      'flake-utils',
      'home-manager',
      'nixpkgs',
      'root',
      'systems',
    ]);
    expect(lock.nodes['home-manager']!.inputs).toEqual({ nixpkgs: ['nixpkgs'] });
  });

  it('rejects text that is not JSON, naming the file', () => {
    expect(() => parseFlakeLock('{ "nodes": ', 'conf/flake.lock')).toThrowError(
      /conf\/flake\.lock is not valid JSON/,
    );
  });

  it('rejects a lock version it does not know, and JSON without nodes', () => {
    const v8 = JSON.stringify({ nodes: { root: {} }, root: 'root', version: 8 });
    expect(() => parseFlakeLock(v8)).toThrowError(/lock version 8/);
    expect(() => parseFlakeLock('[1, 2]')).toThrowError(/no "nodes" object/);
    expect(() => parseFlakeLock('{"nodes":{},"root":"top","version":7}')).toThrowError(
      /no root node "top"/,
    );
  });

  it('throws NurError with a hint to regenerate the lock', () => {
    try {
      parseFlakeLock('not json');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(NurError);
      expect((error as NurError).hint).toContain('nix flake lock');
    }
  });

  it('drops malformed fields instead of trusting them', () => {
    const lock = parseFlakeLock(
      JSON.stringify({
        nodes: {
          root: { inputs: { x: 'x', bad: 42, mixed: ['a', 1] } },
          x: { locked: { type: 'github', rev: 7, owner: 'o', repo: 'r' }, original: 'nope' },
        },
        root: 'root',
        version: 7,
      }),
    );
    expect(lock.nodes.root!.inputs).toEqual({ x: 'x' });
    expect(lock.nodes.x!.locked).toEqual({ type: 'github', owner: 'o', repo: 'r' });
    expect(lock.nodes.x!.original).toBeUndefined();
  });
});

describe('follows in the lock', () => {
  const lock = parseFlakeLock(handWrittenLock);

  it('resolves a root input that follows another root input', () => {
    const input = lockedInput(lock, 'nixpkgs-stable');
    expect(input?.node).toBe('nixpkgs');
    expect(input?.follows).toEqual(['nixpkgs']);
    expect(input?.locked?.rev).toBe('c'.repeat(40));
  });

  it('resolves a follows path through another input', () => {
    expect(lockedInput(lock, 'systems')?.locked?.rev).toBe('d'.repeat(40));
    expect(resolveLockPath(lock, ['home-manager', 'nixpkgs'])).toBe('nixpkgs');
  });

  it('reports an input missing from the lock as not locked', () => {
    expect(lockedInput(lock, 'nur-mic92')).toBeUndefined();
    expect(resolveLockPath(lock, ['flake-utils', 'nope'])).toBeUndefined();
  });

  it('gives up on a follows cycle instead of looping', () => {
    const cyclic = parseFlakeLock(
      JSON.stringify({
        nodes: { root: { inputs: { a: ['b'], b: ['a'] } } },
        root: 'root',
        version: 7,
      }),
    );
    expect(lockedInput(cyclic, 'a')).toBeUndefined();
  });
});

describe('lockedRefUrl', () => {
  it('writes forge, git and path references back as flake URLs', () => {
    expect(
      lockedRefUrl({ type: 'github', owner: 'NixOS', repo: 'nixpkgs', ref: 'nixos-24.05' }),
    ).toBe('github:NixOS/nixpkgs/nixos-24.05');
    expect(lockedRefUrl({ type: 'gitlab', owner: 'o', repo: 'r', host: 'git.catgirl.cloud' })).toBe(
      'gitlab:o/r?host=git.catgirl.cloud',
    );
    expect(lockedRefUrl({ type: 'git', url: 'https://git.example.org/a.git', ref: 'main' })).toBe(
      'git+https://git.example.org/a.git?ref=main',
    );
    expect(lockedRefUrl({ type: 'path', path: '/src/x' })).toBe('path:/src/x');
    expect(lockedRefUrl({ type: 'github' })).toBeUndefined();
  });
});

describe('flakeUrlLocation', () => {
  it('reads owner and repo of github: URLs, ignoring a ref and case', () => {
    expect(flakeUrlLocation('github:Mic92/NUR-packages/master')).toEqual({
      host: 'github.com',
      segments: ['mic92', 'nur-packages'],
    });
    expect(flakeUrlLocation('github:o/r?ref=dev&host=ghe.corp')).toEqual({
      host: 'ghe.corp',
      segments: ['o', 'r'],
    });
  });

  it('expands %2F-encoded GitLab subgroups and honours ?host=', () => {
    expect(flakeUrlLocation('gitlab:rummik%2Fnixos/nur-packages')).toEqual({
      host: 'gitlab.com',
      segments: ['rummik', 'nixos', 'nur-packages'],
    });
    expect(flakeUrlLocation('gitlab:999eagle/nur-packages?host=git.catgirl.cloud')?.host).toBe(
      'git.catgirl.cloud',
    );
  });

  it('reads sourcehut and git+https/git+ssh URLs', () => {
    expect(flakeUrlLocation('sourcehut:~aasg/nixexprs')?.segments).toEqual(['~aasg', 'nixexprs']);
    expect(
      flakeUrlLocation('git+https://git.immae.eu/perso/Immae/Config/Nix/NUR.git?ref=master'),
    ).toEqual({ host: 'git.immae.eu', segments: ['perso', 'immae', 'config', 'nix', 'nur'] });
    expect(flakeUrlLocation('git+ssh://git@github.com/Mic92/nur-packages')).toEqual({
      host: 'github.com',
      segments: ['mic92', 'nur-packages'],
    });
  });

  it('gives nothing for references that name no forge repository', () => {
    for (const url of [
      'path:/home/me/nur',
      'nixpkgs',
      'flake:nixpkgs',
      'https://github.com/o/r/archive/main.tar.gz',
      'github:only-owner',
      'gitlab:%E0%A4%A/r',
    ])
      expect(flakeUrlLocation(url)).toBeUndefined();
  });
});

describe('matchNurRepo on the real repos.json', () => {
  const { repos } = fixtureIndex();
  const flakeUrlOrUndefined = (repo: Repo) => {
    try {
      return repoFlakeUrl(repo);
    } catch {
      return undefined;
    }
  };

  it('finds every repo from the flake URL nur add would write for it', () => {
    const matcher = nurRepoMatcher(repos);
    let checked = 0;
    for (const repo of Object.values(repos)) {
      const url = flakeUrlOrUndefined(repo);
      if (!url) continue;
      const location = flakeUrlLocation(url);
      expect(location, url).toBeDefined();
      const found = matcher(location!, `nur-${repo.name}`);
      expect(found?.name, url).toBe(repo.name);
      checked++;
    }
    // Nearly all 563 repos have a URL nur can write; the rest are refused by repoFlakeUrl.
    expect(checked).toBeGreaterThan(500);
  });

  it('matches a GitHub owner in any case, even when it differs from the NUR name', () => {
    const repo = fixtureRepo('mic92');
    const shouted = flakeUrlLocation('github:MIC92/Nur-Packages')!;
    expect(matchNurRepo(shouted, repos)?.name).toBe(repo.name);
    const ownerDiffers = Object.values(repos).find((r) => {
      const owner = /^https:\/\/github\.com\/([^/]+)\/[^/]+$/.exec(r.url)?.[1];
      return owner !== undefined && owner.toLowerCase() !== r.name.toLowerCase();
    })!;
    const path = new URL(ownerDiffers.url).pathname.slice(1).toUpperCase();
    expect(matchNurRepo(flakeUrlLocation(`github:${path}`)!, repos)?.name).toBe(ownerDiffers.name);
  });

  it('matches gitlab.com, a self-hosted GitLab, sourcehut and plain git servers', () => {
    const cases: [string, string][] = [
      ['gitlab:rycee/nur-expressions', 'rycee'],
      ['gitlab:rummik%2Fnixos/nur-packages', 'rummik'],
      ['gitlab:999eagle/nur-packages?host=git.catgirl.cloud', '999eagle'],
      ['sourcehut:~aasg/nixexprs', 'aasg'],
      ['git+https://git.immae.eu/perso/Immae/Config/Nix/NUR.git', 'immae'],
      ['git+https://codeberg.org/AndrewKvalheim/configuration', 'AndrewKvalheim'],
    ];
    for (const [url, name] of cases) {
      expect(repos[name], name).toBeDefined();
      expect(matchNurRepo(flakeUrlLocation(url)!, repos)?.name, url).toBe(name);
    }
  });

  it('does not match the same path on another host, or another repo of the same owner', () => {
    expect(matchNurRepo(flakeUrlLocation('gitlab:Mic92/nur-packages')!, repos)).toBeUndefined();
    expect(matchNurRepo(flakeUrlLocation('github:Mic92/sops-nix')!, repos)).toBeUndefined();
    expect(matchNurRepo(flakeUrlLocation('github:nix-community/NUR')!, repos)).toBeUndefined();
  });

  it('picks the repo the input is named after when two repos share a URL', () => {
    const shared = Object.values(repos).filter(
      (r) => r.url.toLowerCase() === 'https://github.com/deepslateqaq/nur-packages',
    );
    expect(shared.length).toBe(2);
    const location = flakeUrlLocation('github:deepslateqaq/nur-packages')!;
    for (const repo of shared)
      expect(matchNurRepo(location, repos, `nur-${repo.name}`)?.name).toBe(repo.name);
  });
});

describe('compareRevs', () => {
  it('tells up to date, behind, not locked and unknown apart', () => {
    expect(compareRevs(REV_A, REV_A, true)).toBe('up to date');
    expect(compareRevs(REV_A, REV_A.toUpperCase(), true)).toBe('up to date');
    expect(compareRevs(REV_A, REV_B, true)).toBe('behind');
    expect(compareRevs(undefined, REV_B, false)).toBe('not locked');
    expect(compareRevs(undefined, REV_B, true)).toBe('unknown');
    expect(compareRevs(REV_A, undefined, true)).toBe('unknown');
  });
});

describe('reportInputs', () => {
  const repos: Record<string, Repo> = {
    alpha: {
      name: 'alpha',
      url: 'https://github.com/Alice/nur-packages',
      host: 'github',
      submodules: false,
      lockedRev: REV_A,
    },
    beta: {
      name: 'beta',
      url: 'https://gitlab.com/bob/nur',
      host: 'gitlab',
      submodules: false,
      lockedRev: REV_A,
    },
    gamma: {
      name: 'gamma',
      url: 'https://git.sr.ht/~carol/nur',
      host: 'sourcehut',
      submodules: false,
    },
  };
  const node = (type: string, owner: string, repo: string, rev?: string) => ({
    locked: { type, owner, repo, ...(rev ? { rev } : {}) },
    original: { type, owner, repo },
  });
  const lock = parseFlakeLock(
    JSON.stringify({
      nodes: {
        root: {
          inputs: {
            nixpkgs: 'nixpkgs',
            'nur-alpha': 'nur-alpha',
            'nur-beta': 'nur-beta',
            'nur-gamma': 'nur-gamma',
            attrs: 'attrs',
            stable: ['nixpkgs'],
          },
        },
        nixpkgs: node('github', 'NixOS', 'nixpkgs', REV_B),
        'nur-alpha': node('github', 'alice', 'nur-packages', REV_A),
        'nur-beta': node('gitlab', 'bob', 'nur', REV_B),
        'nur-gamma': node('sourcehut', '~carol', 'nur', REV_B),
        attrs: node('github', 'alice', 'NUR-packages', REV_B),
      },
      root: 'root',
      version: 7,
    }),
  );
  const declared = [
    { name: 'nixpkgs', url: 'github:NixOS/nixpkgs/nixos-unstable' },
    { name: 'nur-alpha', url: 'github:Alice/nur-packages' },
    { name: 'nur-beta', url: 'gitlab:bob/nur' },
    { name: 'nur-gamma', url: 'sourcehut:~carol/nur' },
    { name: 'nur-new', url: 'github:alice/nur-packages' },
    // Attrset form (type/owner/repo) has no url string; the lock's original identifies it.
    { name: 'attrs' },
    { name: 'stable', followsInput: 'nixpkgs' },
  ];
  const byName = (name: string) =>
    reportInputs(declared, lock, repos).find((r) => r.name === name)!;

  it('marks the status of each NUR input from the two revs', () => {
    expect(byName('nur-alpha')).toEqual({
      name: 'nur-alpha',
      url: 'github:Alice/nur-packages',
      follows: null,
      nurRepo: 'alpha',
      lockedRev: REV_A,
      nurRev: REV_A,
      status: 'up to date',
    });
    expect(byName('nur-beta').status).toBe('behind');
    expect(byName('nur-gamma').status).toBe('unknown');
    expect(byName('nur-new').status).toBe('not locked');
  });

  it('leaves non-NUR inputs without a status but with their locked rev', () => {
    expect(byName('nixpkgs')).toMatchObject({ nurRepo: null, status: null, lockedRev: REV_B });
  });

  it('identifies an attrset-form input through the lock and shows a follows input as such', () => {
    expect(byName('attrs')).toMatchObject({
      url: 'github:alice/NUR-packages',
      nurRepo: 'alpha',
      status: 'behind',
    });
    expect(byName('stable')).toMatchObject({ url: null, follows: 'nixpkgs', nurRepo: null });
  });

  it('reports every NUR input as not locked when there is no flake.lock', () => {
    const reports = reportInputs(declared, undefined, repos);
    expect(reports.filter((r) => r.nurRepo).map((r) => r.status)).toEqual([
      'not locked',
      'not locked',
      'not locked',
      'not locked',
    ]);
    expect(reports.every((r) => r.lockedRev === null)).toBe(true);
  });
});

describe('a flake.lock written by real Nix', () => {
  it('reads the rev Nix locked for a NUR input with follows, and compares it', () => {
    const base = mkdtempSync(join(tmpdir(), 'nur-lock-'));
    // A local git repo stands in for github:Mic92/nur-packages; it has a nixpkgs input to follow.
    const standIn = join(base, 'nur-packages');
    const flake = join(base, 'flake');
    const git = (args: string[], cwd: string) =>
      execFileSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=t', ...args], {
        cwd,
        encoding: 'utf8',
      }).trim();
    execFileSync('mkdir', ['-p', standIn, flake]);
    writeFileSync(
      join(standIn, 'flake.nix'),
      '{ inputs.nixpkgs.url = "github:NixOS/nixpkgs"; outputs = { self, nixpkgs }: { }; }\n',
    );
    git(['init', '-q'], standIn);
    git(['add', 'flake.nix'], standIn);
    git(['commit', '-qm', 'stand-in'], standIn);
    const rev = git(['rev-parse', 'HEAD'], standIn);
    writeFileSync(join(flake, 'flake.nix'), readFileSync(corpusPath('33-has-nur-mic92.nix')));
    execFileSync(
      'nix',
      [
        ...NIX_FLAKES,
        'flake',
        'lock',
        '--override-input',
        'nixpkgs',
        `path:${GENERIC_STUB}`,
        '--override-input',
        'nur-mic92',
        `git+file://${standIn}`,
      ],
      { cwd: flake, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const lock = parseFlakeLock(readFileSync(join(flake, 'flake.lock'), 'utf8'));
    expect(lock.version).toBe(7);
    expect(lockedInput(lock, 'nur-mic92')?.locked?.rev).toBe(rev);
    expect(resolveLockPath(lock, ['nur-mic92', 'nixpkgs'])).toBe(
      lockedInput(lock, 'nixpkgs')?.node,
    );

    const declared = [{ name: 'nixpkgs' }, { name: 'nur-mic92', url: 'github:Mic92/nur-packages' }];
    const real = fixtureIndex().repos;
    const [, mic92] = reportInputs(declared, lock, real);
    expect(mic92).toMatchObject({ nurRepo: 'mic92', lockedRev: rev, status: 'behind' });
    const pinnedByNur = { ...real, mic92: { ...real.mic92!, lockedRev: rev } };
    expect(reportInputs(declared, lock, pinnedByNur)[1]!.status).toBe('up to date');
  });
});
