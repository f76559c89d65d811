import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { NurError } from '../../src/errors.js';
import { resolveRef } from '../../src/index/resolve.js';
import {
  attrPathBelow,
  displayAttrPath,
  nurAttrPath,
  nurFlakeFragment,
  printable,
  repoInputName,
  shellWord,
  targetSystem,
} from '../../src/snippets/names.js';
import { isNixIdentifier } from '../../src/nix/strings.js';
import { fixtureIndex, fixturePackage } from '../helpers/fixtures.js';
import { nixParseError } from '../helpers/nix.js';

describe('nurAttrPath', () => {
  it('quotes a digit-leading repo name and keeps identifiers bare', () => {
    expect(nurAttrPath('0komo', 'luakit_2_4')).toBe('pkgs.nur.repos."0komo".luakit_2_4');
    expect(nurAttrPath('mic92', 'goatcounter')).toBe('pkgs.nur.repos.mic92.goatcounter');
  });

  it('splits a nested attr into components but keeps the repo name whole', () => {
    expect(nurAttrPath('jomik', 'androidsdk.platform23')).toBe(
      'pkgs.nur.repos.jomik.androidsdk.platform23',
    );
    expect(nurAttrPath('a.b', 'x')).toBe('pkgs.nur.repos."a.b".x');
  });

  it('escapes quotes, interpolation and backslashes so the path still parses', () => {
    const path = nurAttrPath('r"${x}\\', 'y');
    expect(path).toBe('pkgs.nur.repos."r\\"\\${x}\\\\".y');
    // Nix 2.8 resolves variables while parsing: bind `pkgs` so only the syntax is judged.
    expect(nixParseError(`pkgs: ${path}`)).toBeUndefined();
  });

  it('refuses names carrying control characters, line breaks or bidi overrides', () => {
    for (const bad of ['a\nb', 'a\u001b[31mb', 'a\u009bb', 'a\u202eb', 'a\u2028b'])
      expect(() => nurAttrPath(bad, 'x')).toThrow(NurError);
    expect(() => nurAttrPath('ok', 'x\u0007')).toThrow(/control characters/);
  });

  it('refuses an attr with an empty component', () => {
    expect(() => nurAttrPath('r', 'a..b')).toThrow(/empty component/);
  });
});

describe('displayAttrPath', () => {
  it('quotes a digit-leading repo and leaves identifiers bare', () => {
    expect(displayAttrPath(fixturePackage('0komo.sklauncher'))).toBe(
      'nur.repos."0komo".sklauncher',
    );
    expect(displayAttrPath(fixturePackage('mic92.goatcounter'))).toBe(
      'nur.repos.mic92.goatcounter',
    );
  });

  it('gives every package of the real index a path Nix parses and nur show resolves back', () => {
    const index = fixtureIndex();
    const paths = index.packages.map(displayAttrPath);
    expect(paths.filter((p) => p.includes('"')).length).toBeGreaterThan(0);
    expect(nixParseError(`nur: [ ${paths.join('\n')} ]`)).toBeUndefined();
    index.packages.forEach((pkg, i) => {
      const resolved = resolveRef(index, paths[i]!);
      expect(resolved?.kind === 'package' && resolved.pkg).toBe(pkg);
    });
  });

  it('keeps the index key for a name no snippet would accept', () => {
    const pkg = { repo: 'evil', attr: 'x\u001b[2J', attrPath: 'nur.repos.evil.x\u001b[2J' };
    expect(displayAttrPath(pkg)).toBe(pkg.attrPath);
  });
});

describe('repoInputName', () => {
  it('prefixes nur- and yields a Nix identifier for any repo name', () => {
    expect(repoInputName('mic92')).toBe('nur-mic92');
    expect(repoInputName('0komo')).toBe('nur-0komo');
    for (const name of ['0komo', 'a b', '"; x', 'in', 'Ülf'])
      expect(isNixIdentifier(repoInputName(name))).toBe(true);
  });

  it('paths below the binding quote what needs quoting', () => {
    expect(attrPathBelow('nur-x', 'python3Packages.python-srtm')).toBe(
      'nur-x.python3Packages.python-srtm',
    );
    expect(attrPathBelow('nur-x', '7zip.x')).toBe('nur-x."7zip".x');
  });
});

describe('nurFlakeFragment', () => {
  it('writes digit-leading and nested components unquoted after #', () => {
    expect(nurFlakeFragment('0komo', 'luakit_2_4')).toBe('repos.0komo.luakit_2_4');
    expect(nurFlakeFragment('jomik', 'androidsdk.platform23')).toBe(
      'repos.jomik.androidsdk.platform23',
    );
  });

  it('refuses components a flake reference cannot carry', () => {
    for (const bad of ['a b', 'a"b', 'a#b', 'a?b', 'a/b', 'a${b}'])
      expect(() => nurFlakeFragment(bad, 'x')).toThrow(/flake reference/);
  });
});

describe('shellWord', () => {
  const echo = (word: string) =>
    spawnSync('bash', ['-c', `printf %s ${word}`], { encoding: 'utf8' }).stdout;

  it('leaves plain words bare and quotes flake refs with #', () => {
    expect(shellWord('nur.repos.mic92.goatcounter')).toBe('nur.repos.mic92.goatcounter');
    expect(shellWord('github:nix-community/NUR#repos.x.y')).toBe(
      "'github:nix-community/NUR#repos.x.y'",
    );
  });

  it('round-trips hostile words through a real shell unchanged', () => {
    for (const word of [`it's`, 'a b', '$(touch /tmp/x)', '`id`', 'nur.repos."0komo".x', '\\', "'"])
      expect(echo(shellWord(word))).toBe(word);
  });
});

describe('targetSystem', () => {
  it('prefers x86_64-linux, and assumes it when platforms are unknown', () => {
    expect(targetSystem(['aarch64-linux', 'x86_64-linux'])).toEqual({
      kind: 'nixos',
      system: 'x86_64-linux',
    });
    expect(targetSystem([])).toEqual({ kind: 'nixos', system: 'x86_64-linux' });
  });

  it('falls back to another Linux system, then to Darwin for macOS-only packages', () => {
    expect(targetSystem(['armv7l-linux', 'aarch64-linux']).system).toBe('aarch64-linux');
    expect(targetSystem(['armv7l-linux'])).toEqual({ kind: 'nixos', system: 'armv7l-linux' });
    expect(targetSystem(['x86_64-darwin', 'aarch64-darwin'])).toEqual({
      kind: 'darwin',
      system: 'aarch64-darwin',
    });
  });

  it('ignores platform strings that are not plain systems', () => {
    expect(targetSystem(['"; evil-linux', 'x86_64-darwin'])).toEqual({
      kind: 'darwin',
      system: 'x86_64-darwin',
    });
  });
});

describe('printable', () => {
  it('returns safe values unchanged and refuses empty ones', () => {
    expect(printable('Jörg 日本', 'name')).toBe('Jörg 日本');
    expect(() => printable('', 'repo name')).toThrow(/repo name is empty/);
  });
});
