{
  description = "nur: search the Nix User Repository, show ready-to-paste Nix, and add NUR repos to flake.nix";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

  outputs =
    { self, nixpkgs }:
    let
      systems = [
        "x86_64-linux"
        "aarch64-linux"
        "x86_64-darwin"
        "aarch64-darwin"
      ];
      forAllSystems = f: nixpkgs.lib.genAttrs systems (system: f nixpkgs.legacyPackages.${system});
    in
    {
      packages = forAllSystems (pkgs: rec {
        nur-cli = pkgs.callPackage ./nix/package.nix { };
        default = nur-cli;
      });

      # `nix run github:nur-cli/nur -- search exporter`
      apps = forAllSystems (pkgs: {
        default = {
          type = "app";
          program = "${self.packages.${pkgs.stdenv.hostPlatform.system}.default}/bin/nur";
        };
      });

      # `pkgs.nur` is NUR's own overlay, so this package is `pkgs.nur-cli`.
      overlays.default = final: _prev: { nur-cli = final.callPackage ./nix/package.nix { }; };

      devShells = forAllSystems (pkgs: {
        default = pkgs.mkShell { packages = [ pkgs.nodejs ]; };
      });
    };
}
