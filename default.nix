# `nix-build`, `nix-env -f . -i` and `nix-shell -p 'import ./. {}'` without flakes.
{
  pkgs ? import <nixpkgs> { },
}:

pkgs.callPackage ./nix/package.nix { }
