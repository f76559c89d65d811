{
  description = "Comments on every formal, and between outputs and =";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    flake-utils.url = "github:numtide/flake-utils"; # per-system helpers
    pre-commit-hooks = {
      url = "github:cachix/git-hooks.nix";
      inputs.nixpkgs.follows = "nixpkgs";
    }; # hooks run in CI too
  };

  outputs # the function Nix calls with the inputs
    =
    { self # this flake
    , nixpkgs # package set
    , flake-utils
    , pre-commit-hooks # git hooks
    , ... # anything added later
    }:
    flake-utils.lib.eachDefaultSystem (system: {
      checks.pre-commit = pre-commit-hooks.lib.${system}.run {
        src = ./.;
        hooks.nixpkgs-fmt.enable = true;
      };
    });
}
