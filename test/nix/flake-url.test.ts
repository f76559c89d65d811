import { describe, expect, it } from 'vitest';
import type { Repo } from '../../src/model.js';
import { detectHost, repoFlakeUrl } from '../../src/nix/flake-url.js';
import { fixtureIndex, fixtureRepo } from '../helpers/fixtures.js';

const repo = (url: string, extra: Partial<Repo> = {}): Repo => ({
  name: 'r',
  url,
  host: detectHost(url, extra.type),
  submodules: false,
  ...extra,
});

describe('repoFlakeUrl', () => {
  it('uses github: for GitHub', () => {
    expect(repoFlakeUrl(fixtureRepo('mic92'))).toBe('github:Mic92/nur-packages');
  });

  it('adds ref for a branch and rev for a pin', () => {
    expect(repoFlakeUrl(fixtureRepo('eh5'))).toBe('github:EHfive/flakes?ref=main');
    expect(repoFlakeUrl(fixtureRepo('eh5'), { rev: 'a'.repeat(40) })).toBe(
      `github:EHfive/flakes?rev=${'a'.repeat(40)}`,
    );
  });

  it('uses gitlab: and sourcehut:, with host= for self-hosted forges', () => {
    expect(repoFlakeUrl(fixtureRepo('dima'))).toBe('gitlab:shdima/nur-packages');
    expect(repoFlakeUrl(fixtureRepo('999eagle'))).toBe(
      'gitlab:999eagle/nur-packages?host=git.catgirl.cloud',
    );
    expect(repoFlakeUrl(fixtureRepo('arteneko'))).toBe('sourcehut:~artemis/artenekoverlay');
  });

  it('uses git+https for Codeberg, gitea and submodules', () => {
    expect(repoFlakeUrl(fixtureRepo('AndrewKvalheim'))).toBe(
      'git+https://codeberg.org/AndrewKvalheim/configuration',
    );
    expect(repoFlakeUrl(fixtureRepo('colinsane'))).toBe(
      'git+https://git.uninsane.org/colin/nix-files',
    );
    expect(repoFlakeUrl(fixtureRepo('milahu'))).toBe(
      'git+https://github.com/milahu/nur-packages?submodules=1',
    );
  });

  it('keeps a plain git URL as NUR lists it, .git included, and drops it only for forges', () => {
    expect(repoFlakeUrl(fixtureRepo('immae'))).toBe(
      'git+https://git.immae.eu/perso/Immae/Config/Nix/NUR.git',
    );
    expect(repoFlakeUrl(repo('https://github.com/a/b.git'))).toBe('github:a/b');
    expect(repoFlakeUrl(repo('https://gitlab.com/a/b.git/'))).toBe('gitlab:a/b');
  });

  it('encodes GitLab subgroups', () => {
    expect(repoFlakeUrl(repo('https://gitlab.com/group/sub/proj'))).toBe('gitlab:group%2Fsub/proj');
  });

  it('refuses hostile URLs and revs', () => {
    expect(() => repoFlakeUrl(repo('https://github.com/a/b"; x = 1;'))).toThrow(/not safe/);
    expect(() => repoFlakeUrl(repo('file:///etc'))).toThrow(/unsupported URL scheme/);
    expect(() => repoFlakeUrl(repo('https://u:p@github.com/a/b'))).toThrow(/credentials/);
    expect(() => repoFlakeUrl(repo('https://github.com/a/b'), { rev: 'main' })).toThrow(
      /not a commit/,
    );
    expect(() => repoFlakeUrl(repo('https://github.com/a/b', { branch: 'x y' }))).toThrow(
      /not safe/,
    );
  });

  it('produces a URL for nearly every real repo', () => {
    const repos = Object.values(fixtureIndex().repos);
    const failures = repos.filter((r) => {
      try {
        repoFlakeUrl(r);
        return false;
      } catch {
        return true;
      }
    });
    expect(failures.map((r) => r.url)).toEqual([]);
  });
});
