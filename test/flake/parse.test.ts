import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FlakeSyntaxError,
  firstSyntaxError,
  getNixParser,
  parseNix,
} from '../../src/flake/parse.js';
import { nixParseError } from '../helpers/nix.js';
import { nixParseErrors } from './nix-check.js';
import { CORPUS_DIR } from './corpus/manifest.js';

// Free variables of the cases below are bound by a lambda, so Nix judges syntax only.
const closed = (expr: string) => `a: b: c: f: h: x: y: z: ${expr}`;

function lezerAccepts(source: string): boolean {
  try {
    parseNix(source);
    return true;
  } catch (error) {
    if (error instanceof FlakeSyntaxError) return false;
    throw error;
  }
}

const tricky: string[] = [
  // null, true and false are plain names in Nix, also in attr paths
  '{ a.null.b = 1; }',
  '{ a.true = 1; a.false = 2; }',
  'x: x.null',
  '"a.null.true"',
  // strings and interpolation
  '"a ${x} b"',
  '"${a}${b}"',
  '"a \\${x}"',
  '"a $${x}"',
  '"$" + "$$" + "$$$"',
  '"a\\"b\\\\"',
  '{ a = "${"${"x"}"}"; }',
  // indented strings and their escapes
  "''a ''${x} b''",
  "''a '''quote b''",
  "''a ''\\n b''",
  "''a ''$ b''",
  "''x $${y}''",
  "''\n  a ''${b}\n  c '''\n''",
  "''${a}''",
  "''''",
  // paths and URIs
  './foo/bar',
  './.',
  '../x',
  '~/foo',
  '<nixpkgs>',
  './hosts/${x}',
  './hosts/${x}/default.nix',
  'https://example.com/x?y=1',
  '{ url = github:a/b; }',
  // bindings and functions
  'let inherit (x) y z; in y',
  '{ inherit x; inherit (y) z; }',
  '{ inherit ("a") b; }',
  'rec { p = 1; q = p; }',
  '{ "a b" = 1; ${"c"} = 2; }',
  '{ a.b.c = 1; a.d = 2; }',
  'x.y or z',
  'a.b.c or x.e',
  '{ p = 1; }.p or 2',
  'a.${b}.c',
  '{ a, b, }: a',
  '{ a , b , ... }: a',
  '{ a, ... , }: a',
  '{ ... , a }: a',
  '{ self\n, nixpkgs\n, ...\n}: self',
  'x@{ b }: b',
  '{ b }@x: b',
  '{ p ? 1, q }: p',
  '{}: 1',
  'let in 1',
  'assert true; 1',
  'with x; y',
  'if a then b else c',
  '[ a.b c (f x) ]',
  '-1 + 2',
  '.5 + 1.5e3',
  // comments
  '/* c */ { # c\n p = 1; }',
  '/* a */ # b\n1',
  '1 /* a */ + 2',
  // rejected by both
  '{ p = 1 }',
  '{ p = ; }',
  '"unterminated',
  '/* unterminated',
  '{ a b }: a',
  'let p = 1 in p',
  '[ 1, 2 ]',
];

describe('parseNix against nix-instantiate --parse', () => {
  it.each(tricky)('agrees with Nix on accepting or rejecting %j', (expr) => {
    const source = closed(expr);
    expect(lezerAccepts(source)).toBe(nixParseError(source) === undefined);
  });

  // Where the Lezer grammar is stricter than Nix the commands refuse the file (never corrupt it).
  it.each(['{ or = 1; }', '{ inherit; }'])(
    'refuses %j, which Nix accepts but the grammar does not know',
    (expr) => {
      expect(nixParseError(closed(expr))).toBeUndefined();
      expect(lezerAccepts(closed(expr))).toBe(false);
    },
  );

  it('accepts every corpus flake.nix exactly when Nix does', () => {
    const files = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.nix'));
    expect(files.length).toBeGreaterThan(0);
    const texts = files.map((file) => readFileSync(join(CORPUS_DIR, file), 'utf8'));
    const nixErrors = nixParseErrors(texts);
    files.forEach((file, i) => {
      expect({ file, accepted: lezerAccepts(texts[i]!) }).toEqual({
        file,
        accepted: nixErrors[i] === undefined,
      });
    });
  });
});

describe('parseNix errors', () => {
  it('reports the line and column of a syntax error', () => {
    const source = '{\n  inputs.a.url = "x";\n  outputs = { self }: { a = 1 };\n}\n';
    expect(() => parseNix(source)).toThrow(FlakeSyntaxError);
    try {
      parseNix(source);
    } catch (error) {
      const e = error as FlakeSyntaxError;
      expect(e.line).toBe(3);
      expect(e.column).toBeGreaterThan(20);
      expect(e.message).toMatch(/^flake\.nix:3:\d+: syntax error/);
      expect(e.exitCode).toBe(1);
    }
  });

  it.each([
    '{\n  a = 1\n}\n',
    '{\n  inputs.x.url = "a";\n  outputs = { self }: {\n    b = [ 1 2;\n  };\n}\n',
    '{\n  a = 1;;\n}\n',
    '{\n  outputs = { self, }: { }\n}\n',
    '{\n  a = { b = 1; \n}\n',
    '{ a = 1; } }',
  ])('points at the same line and column as nix-instantiate for %j', (source) => {
    const nix = /at «string»:(\d+):(\d+)/.exec(nixParseError(source) ?? '');
    expect(nix).not.toBeNull();
    const error = (() => {
      try {
        parseNix(source);
      } catch (e) {
        return e as FlakeSyntaxError;
      }
      throw new Error('parsed');
    })();
    expect([error.line, error.column]).toEqual([Number(nix![1]), Number(nix![2])]);
  });

  it('points at the opening quote of an unterminated string', () => {
    expect(() => parseNix('{\n  a = "unterminated;\n  b = 2;\n}\n')).toThrow(
      'flake.nix:2:7: syntax error: unterminated string',
    );
  });

  it('reports an unterminated string at the end of the file', () => {
    expect(() => parseNix('{ description = "x; }', 'my.nix')).toThrow(
      /my\.nix:1:\d+: syntax error/,
    );
  });

  it('keeps the interpolation of a path out of the error list without changing positions', () => {
    const source = '{ a = ./hosts/${x}/y.nix; b = 1; }';
    const parsed = parseNix(source);
    expect(parsed.tree.length).toBe(source.length);
    const tree = getNixParser().parse(source);
    expect(firstSyntaxError(tree, source)).toBeDefined();
  });
});
