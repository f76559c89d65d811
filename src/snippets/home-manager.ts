// Home Manager: the package in home.packages, via the same NUR overlay.
import type { Package } from '../model.js';
import { nurAttrPath } from './names.js';
import { indent, lines, nixpkgsConfigNotes } from './policy.js';
import type { Snippet } from './types.js';

export function homeManagerSnippet(pkg: Package): Snippet {
  return {
    name: 'home-manager',
    title: 'Home Manager (needs the NUR overlay)',
    language: 'nix',
    code: lines(
      '# home.nix: pkgs.nur exists once the NUR overlay is enabled:',
      '# - standalone Home Manager (flake): add nur.modules.homeManager.default to the modules',
      '#   of home-manager.lib.homeManagerConfiguration;',
      '# - Home Manager as a NixOS module with home-manager.useGlobalPkgs = true: add',
      '#   nur.modules.nixos.default to the NixOS modules instead (see the overlay snippet).',
      '{ pkgs, ... }:',
      '{',
      indent(2, nixpkgsConfigNotes(pkg)),
      `  home.packages = [ ${nurAttrPath(pkg.repo, pkg.attr)} ];`,
      '}',
    ),
  };
}
