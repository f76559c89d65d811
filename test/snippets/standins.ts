// Local stand-ins for the flakes the snippets reference (nixpkgs, NUR, nix-darwin, a NUR repo), so
// real Nix can evaluate the snippets offline through `--override-input NAME path:/dir`.
//
// The stand-in nixpkgs has a tiny module evaluator: it applies `nixpkgs.overlays` from the modules
// and collects environment.systemPackages / home.packages, which is exactly what the snippets use.
// Packages are attrsets `{ type = "derivation"; name = "<ref>"; }` at their real attr paths.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Package } from '../../src/model.js';

export const STANDIN_SYSTEMS = ['x86_64-linux', 'aarch64-linux', 'aarch64-darwin', 'x86_64-darwin'];

type Tree = { [name: string]: Tree | { type: 'derivation'; name: string } };

/** `{ repo: { attr: { nested: drv } } }` for the given packages, as JSON for builtins.fromJSON. */
export function reposTree(packages: Package[]): Tree {
  const tree: Tree = {};
  for (const pkg of packages) {
    let node = (tree[pkg.repo] ??= {}) as Tree;
    const components = pkg.attr.split('.');
    for (const c of components.slice(0, -1)) node = (node[c] ??= {}) as Tree;
    node[components.at(-1)!] = { type: 'derivation', name: pkg.ref };
  }
  return tree;
}

/** Only this repo's subtree (what the repo's own default.nix returns). */
export function repoTree(packages: Package[], repoName: string): Tree {
  return (reposTree(packages.filter((p) => p.repo === repoName))[repoName] ?? {}) as Tree;
}

const write = (path: string, text: string) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
};

const MINI_EVAL = `
  evalMini = base: modules:
    let
      load = m: if builtins.isPath m then load (import m)
        else if builtins.isFunction m then m { inherit pkgs config; lib = { }; }
        else m;
      loaded = map load modules;
      collect = f: builtins.concatLists (map f loaded);
      overlays = collect (m: (m.nixpkgs or { }).overlays or [ ]);
      pkgs = builtins.foldl' (acc: overlay: acc // overlay pkgs acc) base overlays;
      config = {
        environment.systemPackages = collect (m: (m.environment or { }).systemPackages or [ ]);
        home.packages = collect (m: (m.home or { }).packages or [ ]);
      };
    in { inherit config pkgs; };`;

export interface Standins {
  root: string;
  nixpkgs: string;
  nur: string;
  nixDarwin: string;
  /** A directory standing in for a NUR repo: default.nix (or `file`) taking { pkgs }, plus a flake.nix. */
  repo(repoName: string, file?: string): string;
}

/** Writes the stand-ins for `packages` into a fresh temporary directory. */
export function writeStandins(packages: Package[]): Standins {
  const root = mkdtempSync(join(tmpdir(), 'nur-standins-'));
  const nixpkgs = join(root, 'nixpkgs');
  const nur = join(root, 'nur');
  const nixDarwin = join(root, 'nix-darwin');
  const systems = STANDIN_SYSTEMS.map((s) => JSON.stringify(s)).join(' ');

  write(
    join(nixpkgs, 'flake.nix'),
    `{
  outputs = { self }:
    let
      genAttrs = names: f: builtins.listToAttrs (map (name: { inherit name; value = f name; }) names);
      ${MINI_EVAL}
    in {
      legacyPackages = genAttrs [ ${systems} ] (system: {
        inherit system;
        hello = { type = "derivation"; name = "hello"; };
      });
      lib.nixosSystem = { system, modules, ... }: evalMini self.legacyPackages.\${system} modules;
      lib.evalMini = evalMini;
    };
}
`,
  );

  write(join(nur, 'repos.json'), JSON.stringify(reposTree(packages)));
  // default.nix as NUR's: `import nur { inherit pkgs; }` gives `{ repos = … }`.
  write(
    join(nur, 'default.nix'),
    `{ pkgs ? null, nurpkgs ? null }:
assert pkgs ? hello;
{ repos = builtins.fromJSON (builtins.readFile ./repos.json); }
`,
  );
  write(
    join(nur, 'flake.nix'),
    `{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  outputs = { self, nixpkgs }:
    let
      overlay = final: prev: { nur = import ./default.nix { pkgs = prev; }; };
      genAttrs = names: f: builtins.listToAttrs (map (name: { inherit name; value = f name; }) names);
    in {
      overlays.default = overlay;
      modules.nixos.default = { nixpkgs.overlays = [ overlay ]; };
      modules.darwin.default = { nixpkgs.overlays = [ overlay ]; };
      modules.homeManager.default = { nixpkgs.overlays = [ overlay ]; };
      legacyPackages = genAttrs [ ${systems} ] (system:
        import ./default.nix { pkgs = nixpkgs.legacyPackages.\${system}; });
    };
}
`,
  );

  write(
    join(nixDarwin, 'flake.nix'),
    `{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
  outputs = { self, nixpkgs }: {
    lib.darwinSystem = { modules, ... }:
      let
        platform = builtins.foldl' (acc: m: if builtins.isAttrs m && m ? nixpkgs.hostPlatform then m.nixpkgs.hostPlatform else acc) "aarch64-darwin" modules;
      in nixpkgs.lib.evalMini nixpkgs.legacyPackages.\${platform} modules;
  };
}
`,
  );

  const repo = (repoName: string, file?: string) => {
    const dir = join(root, 'repos', repoName.replace(/[^A-Za-z0-9_-]/g, '_'));
    write(join(dir, 'packages.json'), JSON.stringify(repoTree(packages, repoName)));
    const entry = file ?? 'default.nix';
    const depth = entry.split('/').length - 1;
    const back = depth ? '../'.repeat(depth) : './';
    write(
      join(dir, entry),
      `{ pkgs }:
assert pkgs ? hello;
builtins.fromJSON (builtins.readFile ${back}packages.json)
`,
    );
    write(
      join(dir, 'flake.nix'),
      `{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  outputs = { self, nixpkgs }:
    let genAttrs = names: f: builtins.listToAttrs (map (name: { inherit name; value = f name; }) names);
    in {
      legacyPackages = genAttrs [ ${systems} ] (system:
        import ./${entry} { pkgs = nixpkgs.legacyPackages.\${system}; });
    };
}
`,
    );
    return dir;
  };

  return { root, nixpkgs, nur, nixDarwin, repo };
}

/** A directory holding `flake.nix` with this text (and an empty configuration.nix beside it). */
export function flakeDir(root: string, name: string, flakeNix: string): string {
  const dir = join(root, 'flakes', name);
  write(join(dir, 'flake.nix'), flakeNix);
  write(join(dir, 'configuration.nix'), '{ }\n');
  return dir;
}
