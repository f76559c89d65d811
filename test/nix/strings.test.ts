import { describe, expect, it } from 'vitest';
import { isNixIdentifier, nixAttrPath, nixString, toNixIdentifier } from '../../src/nix/strings.js';

describe('nixString', () => {
  it('escapes quotes, backslashes and interpolation', () => {
    expect(nixString('a"b\\c${d}$e')).toBe('"a\\"b\\\\c\\${d}$e"');
    expect(nixString('line\nbreak')).toBe('"line\\nbreak"');
  });
});

describe('identifiers', () => {
  it('accepts Nix identifiers and rejects keywords and digit starts', () => {
    expect(isNixIdentifier('nur-mic92')).toBe(true);
    expect(isNixIdentifier("foo'")).toBe(true);
    expect(isNixIdentifier('0komo')).toBe(false);
    expect(isNixIdentifier('inherit')).toBe(false);
    expect(isNixIdentifier('a.b')).toBe(false);
  });

  it('quotes path components that are not identifiers', () => {
    expect(nixAttrPath('pkgs', 'nur', 'repos', '0komo', 'luakit_2_4')).toBe(
      'pkgs.nur.repos."0komo".luakit_2_4',
    );
    expect(nixAttrPath('pkgs.nur.repos', 'colinsane', 'linuxKernel.packages.x')).toBe(
      'pkgs.nur.repos.colinsane.linuxKernel.packages.x',
    );
  });

  it('derives identifiers from arbitrary names', () => {
    expect(toNixIdentifier('nur-0komo')).toBe('nur-0komo');
    expect(toNixIdentifier('0komo')).toBe('x-0komo');
    expect(toNixIdentifier('a b$c')).toBe('a-b-c');
    expect(toNixIdentifier('in')).toBe('in_');
    for (const name of ['nur-0komo', '0komo', 'a b$c', 'in', '"; evil'])
      expect(isNixIdentifier(toNixIdentifier(name))).toBe(true);
  });
});
