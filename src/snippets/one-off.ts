// One-off use without touching a configuration: NUR's flake on the command line, or NUR through
// packageOverrides for the classic (channel) commands.
import type { Package } from '../model.js';
import { NUR_FLAKE_URL } from '../nix/flake-url.js';
import { nurAttrPath, nurFlakeFragment, shellWord } from './names.js';
import { allowEnvironment, lines } from './policy.js';
import type { Snippet } from './types.js';

// NUR's flake exposes every repo as legacyPackages.<system>.repos.<name> (the overlay's `nur` set),
// and `nix run`/`nix shell` look an attr path up under legacyPackages.<system> by themselves.
function nurInstallable(pkg: Package): string {
  return `${NUR_FLAKE_URL}#${nurFlakeFragment(pkg.repo, pkg.attr)}`;
}

function flakeCommand(pkg: Package, subcommand: 'run' | 'shell'): string {
  const env = allowEnvironment(pkg);
  // NIXPKGS_ALLOW_* are read from the environment, which pure evaluation hides: hence --impure.
  const flags = env.length ? ['--impure'] : [];
  return [...env, 'nix', subcommand, ...flags, shellWord(nurInstallable(pkg))].join(' ');
}

export function nixRunSnippet(pkg: Package): Snippet {
  return {
    name: 'nix-run',
    title: "Run it once from NUR's flake",
    language: 'shell',
    code: flakeCommand(pkg, 'run'),
  };
}

export function nixShellSnippet(pkg: Package): Snippet {
  return {
    name: 'nix-shell',
    title: "A shell with it on PATH, from NUR's flake",
    language: 'shell',
    code: flakeCommand(pkg, 'shell'),
  };
}

export function packageOverridesSnippet(pkg: Package): Snippet {
  const attrPath = nurAttrPath(pkg.repo, pkg.attr, 'nur.repos');
  return {
    name: 'package-overrides',
    title: 'Without flakes: NUR in ~/.config/nixpkgs/config.nix',
    language: 'nix',
    code: lines(
      '# ~/.config/nixpkgs/config.nix (NixOS: nixpkgs.config.packageOverrides in configuration.nix).',
      '# Then:',
      `#   nix-shell -p ${shellWord(attrPath)}`,
      `#   nix-env -f '<nixpkgs>' -iA ${shellWord(attrPath)}`,
      '{',
      '  packageOverrides = pkgs: {',
      '    nur = import (builtins.fetchTarball "https://github.com/nix-community/NUR/archive/main.tar.gz") {',
      '      inherit pkgs;',
      '    };',
      '  };',
      '}',
    ),
  };
}

export function attrSnippet(pkg: Package): Snippet {
  return {
    name: 'attr',
    title: 'Attribute path (with the NUR overlay)',
    language: 'nix',
    code: nurAttrPath(pkg.repo, pkg.attr),
  };
}
