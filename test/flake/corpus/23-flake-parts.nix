{
  description = "flake-parts with perSystem";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    flake-parts.url = "github:hercules-ci/flake-parts";
  };

  outputs = inputs@{ flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      systems = [ "x86_64-linux" "aarch64-linux" "aarch64-darwin" ];
      perSystem = { config, self', inputs', pkgs, system, ... }: {
        packages.default = pkgs.hello;
        devShells.default = pkgs.mkShell { packages = [ pkgs.nil ]; };
      };
      flake = {
        templates.default = {
          path = ./template;
          description = "A starter";
        };
      };
    };
}
