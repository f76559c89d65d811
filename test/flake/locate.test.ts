import { describe, expect, it } from 'vitest';
import { declaredInputs, listInputs } from '../../src/flake/list-inputs.js';
import { locateModuleLists, locateOutputs, referencesTo } from '../../src/flake/locate.js';
import { parseNix } from '../../src/flake/parse.js';

const outputsOf = (source: string) => locateOutputs(parseNix(source));

describe('listInputs', () => {
  it('reads flat inputs with their url, flake flag and follows', () => {
    const source = `{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs";
  inputs.hm.url = "github:nix-community/home-manager";
  inputs.hm.inputs.nixpkgs.follows = "nixpkgs";
  inputs.wall.url = "git+https://example.org/w";
  inputs.wall.flake = false;
  outputs = { self, ... }: { };
}`;
    expect(listInputs(source)).toEqual([
      { name: 'nixpkgs', url: 'github:NixOS/nixpkgs', follows: {}, line: 2 },
      {
        name: 'hm',
        url: 'github:nix-community/home-manager',
        follows: { nixpkgs: 'nixpkgs' },
        line: 3,
      },
      { name: 'wall', url: 'git+https://example.org/w', flake: false, follows: {}, line: 5 },
    ]);
  });

  it('reads a nested block with attrset entries, nested follows and follows-only inputs', () => {
    const source = `{
  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs";
    crane = {
      url = "github:ipetkov/crane";
      inputs = { nixpkgs.follows = "nixpkgs"; flake-utils.follows = "utils"; };
    };
    stable.follows = "nixpkgs";
    "2048-game" = { url = "github:g/2048"; flake = false; };
  };
  outputs = inputs: { };
}`;
    const inputs = listInputs(source);
    expect(inputs.map((i) => i.name)).toEqual(['nixpkgs', 'crane', 'stable', '2048-game']);
    expect(inputs[1]!.follows).toEqual({ nixpkgs: 'nixpkgs', 'flake-utils': 'utils' });
    expect(inputs[2]).toMatchObject({ name: 'stable', followsInput: 'nixpkgs', line: 8 });
    expect(inputs[2]!.url).toBeUndefined();
    expect(inputs[3]).toMatchObject({ url: 'github:g/2048', flake: false });
  });

  it('merges a block and flat lines for the same flake', () => {
    const source = `{
  inputs = { nixpkgs.url = "github:NixOS/nixpkgs"; };
  inputs.devshell.url = "github:numtide/devshell";
  outputs = { self, ... }: { };
}`;
    expect(listInputs(source).map((i) => i.name)).toEqual(['nixpkgs', 'devshell']);
  });

  it('reads null, true and false as the plain names they are in an attr path', () => {
    const source =
      '{ inputs.null.url = "a.null"; inputs.true.url = "b"; outputs = { self, ... }: { x = self.false; }; }';
    expect(listInputs(source).map((i) => [i.name, i.url])).toEqual([
      ['null', 'a.null'],
      ['true', 'b'],
    ]);
  });

  it('gives inputs written as attributes their URL form', () => {
    const source = `{
  inputs = {
    nur-mic92 = { type = "github"; owner = "Mic92"; repo = "nur-packages"; ref = "main"; };
    own = { type = "git"; url = "https://git.example.org/me/nur.git"; flake = false; };
    gl = { type = "gitlab"; owner = "a"; repo = "b"; host = "git.example.org"; };
    local = { type = "path"; path = "/srv/x"; };
  };
  outputs = _: { };
}`;
    expect(listInputs(source).map((i) => [i.name, i.url])).toEqual([
      ['nur-mic92', 'github:Mic92/nur-packages?ref=main'],
      ['own', 'git+https://git.example.org/me/nur.git'],
      ['gl', 'gitlab:a/b?host=git.example.org'],
      ['local', undefined],
    ]);
  });

  it('reads a `rec` inputs block, and none from an expression', () => {
    const rec = '{ inputs = rec { nixpkgs.url = "n"; }; outputs = _: { }; }';
    expect(listInputs(rec).map((i) => i.name)).toEqual(['nixpkgs']);
    expect(declaredInputs(rec).opaque).toBeUndefined();
    const imported = '{\n  inputs = import ./inputs.nix;\n  outputs = _: { };\n}';
    expect(declaredInputs(imported)).toEqual({
      inputs: [],
      opaque: { line: 2, text: 'inputs = import ./inputs.nix;' },
    });
  });

  it('ignores commented-out inputs and unescapes string urls', () => {
    const source = `{
  # inputs.nur.url = "github:nix-community/NUR";
  inputs.x.url = "git+https://h/p?ref=a\\"b";
  outputs = _: { };
}`;
    expect(listInputs(source)).toEqual([
      { name: 'x', url: 'git+https://h/p?ref=a"b', follows: {}, line: 3 },
    ]);
  });

  it('reads unquoted URL literals of older flakes', () => {
    const source =
      '{\n  inputs.nixpkgs.url = github:NixOS/nixpkgs/nixos-unstable;\n  outputs = _: { };\n}\n';
    expect(listInputs(source)[0]?.url).toBe('github:NixOS/nixpkgs/nixos-unstable');
  });

  it('refuses a file whose top level is not an attribute set', () => {
    expect(() => listInputs('let x = 1; in { }')).toThrow(/not an attribute set/);
  });
});

describe('locateOutputs', () => {
  it('reads formals, the ellipsis and an @-name on either side', () => {
    const right = outputsOf('{ outputs = { self, nixpkgs, ... }@inputs: { }; }');
    expect(right?.args).toMatchObject({ kind: 'formals', atName: 'inputs' });
    const left = outputsOf('{ outputs = inputs@{ self, nixpkgs }: { }; }');
    expect(left?.args).toMatchObject({ kind: 'formals', atName: 'inputs', ellipsis: undefined });
    if (right?.args.kind === 'formals') expect(right.args.formals).toHaveLength(2);
  });

  it('recognises a bare argument', () => {
    expect(outputsOf('{ outputs = inputs: { }; }')?.args).toEqual({
      kind: 'bare',
      param: 'inputs',
    });
  });

  it('keeps a formals trailing comma out of the formals', () => {
    const outputs = outputsOf('{ outputs = { self, nixpkgs, }: { }; }');
    expect(outputs?.args.kind === 'formals' && outputs.args.formals.length).toBe(2);
  });
});

describe('locateModuleLists', () => {
  it('finds hosts bound with dotted paths and inside a nixosConfigurations block', () => {
    const source = `{
  outputs = { self, nixpkgs, hm, ... }: let lib = nixpkgs.lib; in {
    nixosConfigurations.alpha = lib.nixosSystem { modules = [ ./a.nix ]; };
    nixosConfigurations = {
      beta = nixpkgs.lib.nixosSystem { system = "x"; modules = [ ]; };
    };
    darwinConfigurations."mac-1" = darwin.lib.darwinSystem { modules = [ ./m.nix ]; };
    homeConfigurations.carol = hm.lib.homeManagerConfiguration { modules = [ ./c.nix ./d.nix ]; };
  };
}`;
    const lists = locateModuleLists(parseNix(source));
    expect(lists.map((l) => [l.kind, l.builder, l.host, l.items.length])).toEqual([
      ['nixos', 'nixosSystem', 'alpha', 1],
      ['nixos', 'nixosSystem', 'beta', 0],
      ['darwin', 'darwinSystem', 'mac-1', 1],
      ['home-manager', 'homeManagerConfiguration', 'carol', 2],
    ]);
  });

  it('finds the lists of flake-utils and flake-parts layouts', () => {
    const source = `{
  outputs = inputs@{ flake-parts, ... }: flake-parts.lib.mkFlake { inherit inputs; } {
    flake = {
      nixosConfigurations.srv = inputs.nixpkgs.lib.nixosSystem { modules = [ ./srv ]; };
    };
  };
}`;
    expect(locateModuleLists(parseNix(source)).map((l) => l.host)).toEqual(['srv']);
  });

  it('marks the last list of a ++ chain as the one to extend', () => {
    const source =
      '{ outputs = { nixpkgs, ... }: { nixosConfigurations.h = nixpkgs.lib.nixosSystem { modules = [ ./a ] ++ common ++ [ ./b ]; }; }; }';
    const lists = locateModuleLists(parseNix(source));
    expect(lists.map((l) => l.primary)).toEqual([false, true]);
  });
});

describe('referencesTo', () => {
  it('counts reads of the name, not attribute names, formals or inherit-from names', () => {
    const source = `{
  inputs.foo.url = "x";
  outputs = { self, foo, ... }@inputs: {
    a = foo.packages;
    b = { foo = 1; inherit (self) foo; };
    c = inputs.foo.lib;
    d = x: x.foo;
    e = { inherit foo; };
  };
}`;
    const refs = referencesTo(parseNix(source), 'foo', 'inputs');
    const lines = refs.map((r) => source.slice(0, r.from).split('\n').length);
    expect(lines).toEqual([4, 6, 8]);
  });
});
